package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.ManuallyProvidedKeyVerification;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.springframework.security.access.AccessDeniedException;

/** The freestyle build steps' pages: configuration round trip, field checks, the key drop-down's permissions. */
public class BuildStepsTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    private FreeStyleProject job;

    @Before
    public void securityAndKey() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        job = r.createFreeStyleProject("backup");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("configurer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
        SystemCredentialsProvider.getInstance()
                .getDomainCredentialsMap()
                .put(
                        Domain.global(),
                        List.of(new BasicSSHUserPrivateKey(
                                CredentialsScope.GLOBAL,
                                "xcat-root",
                                "root",
                                new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource("not a real key"),
                                null,
                                "xCAT root")));
    }

    @Test
    public void backupBuilderSurvivesAConfigurationRoundTrip() throws Exception {
        XcatDbBackupBuilder before = new XcatDbBackupBuilder();
        before.setHost("mn1.cluster:2222");
        before.setCredentialsId("xcat-root");
        before.setKeep(14);
        before.setMaxAgeDays(30);
        before.setCollect(true);
        before.setUseBypass(true);
        before.setDumpTimeoutSeconds(3600);
        before.setFailOnWarning(true);
        before.setLocal(true);
        before.setReportOnly(true);
        KnownHostsFileVerification hostKeys = new KnownHostsFileVerification();
        hostKeys.setPath("/etc/ssh/ssh_known_hosts");
        before.setHostKeyVerification(hostKeys);
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            r.assertEqualDataBoundBeans(before, r.configRoundtrip(before));
        }
    }

    @Test
    public void standbyBuilderSurvivesAConfigurationRoundTrip() throws Exception {
        XcatStandbyPrepareBuilder before = new XcatStandbyPrepareBuilder("mn1", "mn2");
        before.setCredentialsId("xcat-root");
        before.setSharedDirs("/etc/xcat,/install");
        before.setHpcDaemons("teal,gpfs");
        before.setMaxClockSkewSeconds(5);
        before.setBackupDatabase(true);
        before.setBackupRoot("/var/backup/custom");
        before.setKeep(3);
        before.setMaxAgeDays(30);
        before.setAllTables(true);
        before.setCollect(true);
        before.setUseBypass(true);
        before.setDumpTimeoutSeconds(7200);
        before.setNtpServer("ntp1.cluster");
        before.setGenerateKeys(true);
        before.setCheckMode(true);
        before.setUser("xcatadm");
        before.setPort(2222);
        before.setCommandTimeoutSeconds(900);
        before.setConnectTimeoutSeconds(10);
        before.setHostKeyVerification(new ManuallyProvidedKeyVerification("SHA256:" + "A".repeat(43)));
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            r.assertEqualDataBoundBeans(before, r.configRoundtrip(before));
        }
    }

    @Test
    public void fieldChecksUseTheEnginesWords() {
        XcatStandbyPrepareBuilder.DescriptorImpl d =
                r.jenkins.getDescriptorByType(XcatStandbyPrepareBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(d.doCheckStandby(job, "mn2;reboot").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(d.doCheckStandby(job, "mn2;reboot").getMessage(), containsString("mn2;reboot"));
            assertThat(d.doCheckStandby(job, "mn2:2222").kind, equalTo(FormValidation.Kind.OK));
            assertThat(d.doCheckSharedDirs(job, "/install/../etc").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(d.doCheckMaxClockSkewSeconds(job, "two").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(d.doCheckNtpServer(job, "ntp1;reboot").getMessage(), containsString("ntp1;reboot"));
            assertThat(d.doCheckNtpServer(job, "").kind, equalTo(FormValidation.Kind.OK));
            assertThat(d.doCheckDumpTimeoutSeconds(job, "5").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(d.doCheckBackupRoot(job, "/var/backup/my dumps").kind, equalTo(FormValidation.Kind.ERROR));
        }
    }

    @Test
    public void fieldChecksNeedConfigurePermission() {
        XcatDbBackupBuilder.DescriptorImpl d = r.jenkins.getDescriptorByType(XcatDbBackupBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThrows(AccessDeniedException.class, () -> d.doCheckBackupRoot(job, "/var/backup/xcat"));
        }
    }

    @Test
    public void keyDropDownListsKeysOnlyToThoseWhoMayUseThem() {
        XcatDbBackupBuilder.DescriptorImpl d = r.jenkins.getDescriptorByType(XcatDbBackupBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(values(d.doFillCredentialsIdItems(job, "")), hasItem("xcat-root"));
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(values(d.doFillCredentialsIdItems(job, "")), not(hasItem("xcat-root")));
            assertThat(values(d.doFillCredentialsIdItems(job, "chosen-before")), equalTo(List.of("chosen-before")));
        }
    }

    @Test
    public void builderSymbolsDifferFromTheStepNames() {
        assertThat(
                r.jenkins
                        .getDescriptorByType(XcatDbBackupBuilder.DescriptorImpl.class)
                        .getClass()
                        .getAnnotation(org.jenkinsci.Symbol.class)
                        .value()[0],
                equalTo("xcatDbBackupBuilder"));
        assertThat(
                r.jenkins
                        .getDescriptorByType(XcatStandbyPrepareBuilder.DescriptorImpl.class)
                        .getClass()
                        .getAnnotation(org.jenkinsci.Symbol.class)
                        .value()[0],
                equalTo("xcatStandbyPrepareBuilder"));
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }
}
