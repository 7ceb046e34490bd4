package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import hudson.model.FreeStyleProject;
import hudson.model.labels.LabelAtom;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Not a test: takes the README's screenshots of the plugin's pages in a real Jenkins (headless Chromium through
 * {@code src/test/screenshots/shoot.mjs}). Its name keeps it out of the test run; run it on purpose:
 *
 * <pre>
 * (cd plugin/src/test/screenshots &amp;&amp; npm install)
 * ./mvnw -B -s ../shared/jenkins-offline/settings.xml -Pjenkins -pl plugin -am verify \
 *     -Dtest=PageScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The pictures go to docs/images (or -Dxcatha.screenshots=DIR).
 */
public class PageScreenshots {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    @Test
    public void takeTheScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("xcatha.screenshots", "../docs/images"))
                .toAbsolutePath();
        Files.createDirectories(out);
        SimulatedNodeKeys.installRootKey(sim);
        r.createOnlineSlave(new LabelAtom("mgmt-net"));
        String primary = sim.primary().address();
        String standby = sim.standby().address();
        String knownHosts = sim.cluster().knownHostsFile().toString();

        // The freestyle jobs are only shown, never built: they carry what a site would type.
        XcatStandbyPrepareBuilder prepare = new XcatStandbyPrepareBuilder("mn1.cluster", "mn2.cluster");
        prepare.setCredentialsId("xcat-root");
        prepare.setHostKeyVerification(SimulatedNodeKeys.knownHosts("/etc/ssh/ssh_known_hosts"));
        prepare.setCheckMode(true);
        FreeStyleProject prepareJob = r.createFreeStyleProject("prepare-standby");
        prepareJob.getBuildersList().add(prepare);

        XcatDbBackupBuilder backup = new XcatDbBackupBuilder();
        backup.setHost("mn1.cluster");
        backup.setCredentialsId("xcat-root");
        backup.setHostKeyVerification(SimulatedNodeKeys.knownHosts("/etc/ssh/ssh_known_hosts"));
        backup.setKeep(14);
        backup.setMaxAgeDays(30);
        backup.setCollect(true);
        FreeStyleProject backupJob = r.createFreeStyleProject("back-up-xcat");
        backupJob.getBuildersList().add(backup);

        XcatDbRestoreBuilder restore = new XcatDbRestoreBuilder();
        restore.setHost("mn1.cluster");
        restore.setCredentialsId("xcat-root");
        restore.setHostKeyVerification(SimulatedNodeKeys.knownHosts("/etc/ssh/ssh_known_hosts"));
        restore.setBackup("xcatdb-20261205T020926Z");
        r.createFreeStyleProject("restore-xcat").getBuildersList().add(restore);

        XcatFailoverBuilder failover = new XcatFailoverBuilder("mn1.cluster", "mn2.cluster");
        failover.setCredentialsId("xcat-root");
        failover.setHostKeyVerification(SimulatedNodeKeys.knownHosts("/etc/ssh/ssh_known_hosts"));
        failover.setVirtualIp("10.0.0.1/24");
        failover.setInterface("bond0");
        failover.setPlanned(true);
        r.createFreeStyleProject("fail-over-xcat").getBuildersList().add(failover);

        WorkflowJob ops = r.createProject(WorkflowJob.class, "cluster-ops");
        ops.setDefinition(new CpsFlowDefinition(
                "node('mgmt-net') {\n"
                        + "  def r = xcatStandbyPrepare primary: '" + primary + "', standby: '" + standby
                        + "', credentialsId: 'xcat-root', hostKeyVerification: knownHostsFile(path: '" + knownHosts
                        + "')\n"
                        + "  echo \"standby-prepare: ${r.result} ${r.steps}\"\n"
                        + "  xcatDbBackup host: '" + primary + "', credentialsId: 'xcat-root', collect: true,"
                        + " hostKeyVerification: knownHostsFile(path: '" + knownHosts + "')\n"
                        + "  xcatDbRestore host: '" + primary + "', credentialsId: 'xcat-root',"
                        + " hostKeyVerification: knownHostsFile(path: '" + knownHosts + "')\n"
                        + "  xcatFailover primary: '" + primary + "', standby: '" + standby + "', virtualIp: '"
                        + sim.cluster().virtualIp() + "/8', interface: 'eth0', planned: true,"
                        + " credentialsId: 'xcat-root', hostKeyVerification: knownHostsFile(path: '" + knownHosts
                        + "')\n"
                        + "}",
                true));
        r.buildAndAssertSuccess(ops);

        Process shoot = new ProcessBuilder("node", "shoot.mjs", r.getURL().toString(), out.toString())
                .directory(new File("src/test/screenshots"))
                .inheritIO()
                .start();
        assertThat("shoot.mjs finished", shoot.waitFor(), is(0));
    }
}
