package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.ManuallyProvidedKeyVerification;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
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
                .grant(Jenkins.READ, Item.READ, CredentialsProvider.USE_ITEM)
                .everywhere()
                .to("user")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                .everywhere()
                .to("extended")
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
        before.setEssentialTables("site,passwd,nodelist");
        before.setAcceptRowLoss("hosts");
        before.setFailOnWarning(true);
        before.setLocal(true);
        before.setReportOnly(true);
        KnownHostsFileVerification hostKeys = new KnownHostsFileVerification();
        hostKeys.setPath("/etc/ssh/ssh_known_hosts");
        before.setHostKeyVerification(hostKeys);
        r.assertEqualDataBoundBeans(before, roundTrip(before));
    }

    @Test
    public void restoreBuilderSurvivesAConfigurationRoundTrip() throws Exception {
        XcatDbRestoreBuilder before = new XcatDbRestoreBuilder();
        before.setHost("mn1.cluster");
        before.setCredentialsId("xcat-root");
        before.setBackup("xcatdb-20261205T020926Z");
        before.setSafetyBackup(false);
        before.setRestoreOnStandby(true);
        before.setRestoreTimeoutSeconds(3600);
        before.setHostKeyVerification(SimulatedNodeKeys.knownHosts("/etc/ssh/ssh_known_hosts"));
        r.assertEqualDataBoundBeans(before, roundTrip(before));
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
        r.assertEqualDataBoundBeans(before, roundTrip(before));
    }

    @Test
    public void failoverBuilderSurvivesAConfigurationRoundTrip() throws Exception {
        XcatFailoverBuilder before = new XcatFailoverBuilder("mn1", "mn2:2222");
        before.setCredentialsId("xcat-root");
        before.setVirtualIp("10.0.0.1/24");
        before.setInterface("bond0");
        before.setPlanned(true);
        before.setSharedDirs("/etc/xcat\n/install");
        before.setHpcDaemons("gpfs");
        before.setSharedVolumeGroup("xcatvg");
        before.setCheckMode(true);
        before.setCommandTimeoutSeconds(900);
        before.setHostKeyVerification(SimulatedNodeKeys.knownHosts("/etc/ssh/ssh_known_hosts"));
        XcatFailoverBuilder after = (XcatFailoverBuilder) roundTrip(before);
        r.assertEqualDataBoundBeans(before, after);
        assertThat("the field named after a Java keyword is bound too", after.getInterface(), equalTo("bond0"));
    }

    @Test
    public void failoverFormOffersNoLocalRunAndChecksTheKindAgainstPlanned() throws Exception {
        job.getBuildersList().replaceBy(List.of(new XcatFailoverBuilder("mn1", "mn2")));
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.getPage(job, "configure");
        assertThat(
                "the failover form has no 'Run on this agent's machine'",
                page.querySelectorAll("input[name='_.local']").size(),
                equalTo(0));
        assertThat(page.querySelectorAll("input[name='_.virtualIp']").size(), equalTo(1));
        DomElement primaryDown = page.querySelector("input[name='_.primaryDown']");
        assertThat(primaryDown.getAttribute("checkUrl"), containsString("checkPrimaryDown"));
        assertThat(primaryDown.getAttribute("checkDependsOn"), equalTo("planned"));

        String check = job.getUrl() + "descriptorByName/" + XcatFailoverBuilder.class.getName()
                + "/checkPrimaryDown?value=true&planned=true";
        assertThat(post(wc, check).getContentAsString(), containsString("cannot go with planned"));
    }

    /** Saves the job's configuration page as an administrator would, unchanged, and returns what was bound. */
    private Builder roundTrip(Builder before) throws Exception {
        job.getBuildersList().replaceBy(List.of(before));
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        r.submit(wc.getPage(job, "configure").getFormByName("config"));
        Builder after = job.getBuildersList().get(0);
        assertThat("a new instance was bound from the form", after != before, is(true));
        return after;
    }

    @Test
    public void fieldChecksAnswerOnlyPostFromThoseWhoMayConfigure() throws Exception {
        String check = job.getUrl() + "descriptorByName/" + XcatDbBackupBuilder.class.getName()
                + "/checkBackupRoot?value=" + URLEncoder.encode("/var/backup/my dumps", StandardCharsets.UTF_8);

        JenkinsRule.WebClient configurer = r.createWebClient().login("configurer");
        // @POST: Stapler does not dispatch a GET to the method at all
        configurer.assertFails(check, 404);
        WebResponse answer = post(configurer, check);
        assertThat(answer.getStatusCode(), equalTo(200));
        assertThat(answer.getContentAsString(), containsString("my dumps"));

        JenkinsRule.WebClient reader = r.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        assertThat(post(reader, check).getStatusCode(), equalTo(403));
    }

    private WebResponse post(JenkinsRule.WebClient wc, String relativeUrl) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), relativeUrl), HttpMethod.POST);
        return wc.getPage(wc.addCrumb(request)).getWebResponse();
    }

    @Test
    public void keysAreListedToThoseWhoMayUseOrReadTheJobConfiguration() {
        XcatStandbyPrepareBuilder.DescriptorImpl d =
                r.jenkins.getDescriptorByType(XcatStandbyPrepareBuilder.DescriptorImpl.class);
        for (String user : List.of("user", "extended", "configurer")) {
            try (ACLContext ignored = ACL.as(User.getById(user, true))) {
                assertThat(user, values(d.doFillCredentialsIdItems(job, "")), hasItem("xcat-root"));
            }
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(values(d.doFillCredentialsIdItems(job, "")), not(hasItem("xcat-root")));
        }
    }

    @Test
    public void credentialsCheckTellsNothingToThoseWhoMayNotUseKeys() {
        XcatDbBackupBuilder.DescriptorImpl d = r.jenkins.getDescriptorByType(XcatDbBackupBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(d.doCheckCredentialsId(job, "no-such-key").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(d.doCheckCredentialsId(job, "xcat-root").kind, equalTo(FormValidation.Kind.OK));
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(d.doCheckCredentialsId(job, "no-such-key").kind, equalTo(FormValidation.Kind.OK));
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
        XcatFailoverBuilder.DescriptorImpl failover =
                r.jenkins.getDescriptorByType(XcatFailoverBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(failover.doCheckVirtualIp(job, "10.0.0.1").getMessage(), containsString("no prefix length"));
            assertThat(failover.doCheckVirtualIp(job, "10.0.0.1/24").kind, equalTo(FormValidation.Kind.OK));
            assertThat(failover.doCheckInterface(job, "eth0;reboot").getMessage(), containsString("eth0;reboot"));
            assertThat(failover.doCheckInterface(job, "").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(failover.doCheckInterface(job, "en0").kind, equalTo(FormValidation.Kind.OK));
            assertThat(failover.doCheckPrimaryDown(job, true, true).kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(failover.doCheckPrimaryDown(job, true, false).kind, equalTo(FormValidation.Kind.OK));
            assertThat(failover.doCheckStandby(job, "mn2 mn3").kind, equalTo(FormValidation.Kind.ERROR));
            assertThat(
                    failover.doCheckSharedVolumeGroup(job, "xcatvg;reboot").getMessage(),
                    containsString("xcatvg;reboot"));
            assertThat(failover.doCheckSharedVolumeGroup(job, "").kind, equalTo(FormValidation.Kind.OK));
            assertThat(
                    "no local run to fall back on: a failover without a key is an error",
                    failover.doCheckCredentialsId(job, "").kind,
                    equalTo(FormValidation.Kind.ERROR));
            assertThat(
                    r.jenkins
                            .getDescriptorByType(XcatDbBackupBuilder.DescriptorImpl.class)
                            .doCheckCredentialsId(job, "")
                            .kind,
                    equalTo(FormValidation.Kind.WARNING));
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
        assertThat(
                r.jenkins
                        .getDescriptorByType(XcatDbRestoreBuilder.DescriptorImpl.class)
                        .getClass()
                        .getAnnotation(org.jenkinsci.Symbol.class)
                        .value()[0],
                equalTo("xcatDbRestoreBuilder"));
        assertThat(
                r.jenkins
                        .getDescriptorByType(XcatFailoverBuilder.DescriptorImpl.class)
                        .getClass()
                        .getAnnotation(org.jenkinsci.Symbol.class)
                        .value()[0],
                equalTo("xcatFailoverBuilder"));
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }
}
