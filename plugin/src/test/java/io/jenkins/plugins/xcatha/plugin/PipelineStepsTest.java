package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.util.VirtualFile;
import org.apache.commons.io.IOUtils;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The Pipeline steps against simulated management nodes, run from a real agent JVM. */
public class PipelineStepsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private DumbSlave agent;

    @Before
    public void credentialsAndAgent() throws Exception {
        BasicSSHUserPrivateKey key = new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL,
                "xcat-root",
                "root",
                new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(
                        sim.cluster().clientKey().privateKeyPem()),
                null,
                "simulated nodes");
        SystemCredentialsProvider.getInstance().getDomainCredentialsMap().put(Domain.global(), List.of(key));
        agent = r.createOnlineSlave();
    }

    private String hostKeys() {
        return "knownHostsFile(path: '" + sim.cluster().knownHostsFile() + "')";
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    public void standbyPrepareRunsFromTheAgentReturnsStatusesAndArchivesTheReport() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  def r = xcatStandbyPrepare primary: '"
                        + sim.primary().address() + "', standby: '"
                        + sim.standby().address() + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys()
                        + "\n"
                        + "  echo \"result=${r.result} ssh-trust=${r.steps['ssh-trust']} artifacts=${r.artifacts}\"\n"
                        + "  junit 'xcat-ha/**/junit.xml'\n"
                        + "}",
                Result.SUCCESS);
        r.assertLogContains("result=SUCCESS ssh-trust=CHANGED artifacts=xcat-ha/standby-prepare", b);
        r.assertLogContains("shared-data on", b);
        assertArchived(b, "xcat-ha/standby-prepare/report.json");
        assertArchived(b, "xcat-ha/standby-prepare/summary.txt");
        String pem = sim.cluster().clientKey().privateKeyPem();
        String keyBody = pem.split("\n")[1];
        r.assertLogNotContains(keyBody, b);
        assertThat(text(b, "xcat-ha/standby-prepare/report.json"), not(containsString(keyBody)));
    }

    @Test
    public void standbyPrepareBacksUpThePrimaryWithTheBackupSettingsAndArchivesTheArchive() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  def r = xcatStandbyPrepare primary: '"
                        + sim.primary().address() + "', standby: '"
                        + sim.standby().address() + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys()
                        + ", backupDatabase: true, backupRoot: '/var/backup/custom', keep: 3, collect: true,"
                        + " dumpTimeoutSeconds: 600\n"
                        + "  echo \"backup-database=${r.steps['backup-database']}\"\n"
                        + "}",
                Result.SUCCESS);
        r.assertLogContains("backup-database=CHANGED", b);
        assertThat(sim.primary().fileExists("/var/backup/custom"), is(true));
        assertThat(sim.standby().fileExists("/var/backup/custom"), is(false));
        boolean archived = false;
        for (VirtualFile f :
                b.getArtifactManager().root().child("xcat-ha/standby-prepare").list()) {
            archived |= f.getName().endsWith(".tar.gz");
        }
        assertThat("the collected backup is archived", archived, is(true));
    }

    @Test
    public void secondCallInTheSameBuildGetsItsOwnFolder() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "  def r = xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "  echo \"second=${r.artifacts}\"\n"
                        + "}",
                Result.SUCCESS);
        r.assertLogContains("second=xcat-ha/db-backup-2", b);
        assertArchived(b, "xcat-ha/db-backup/junit.xml");
        assertArchived(b, "xcat-ha/db-backup-2/junit.xml");
    }

    @Test
    public void failedStepFailsTheBuildWithOneLineAndStillArchives() throws Exception {
        sim.primary().inject(Fault.tableFails("nodelist"));
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "}",
                Result.FAILURE);
        r.assertLogContains("db-backup failed: ", b);
        assertArchived(b, "xcat-ha/db-backup/report.json");
    }

    @Test
    public void reportOnlyLeavesTheBuildGreenAndReturnsTheFailure() throws Exception {
        sim.primary().inject(Fault.tableFails("nodelist"));
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  def r = xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', reportOnly: true, hostKeyVerification: " + hostKeys() + "\n"
                        + "  echo \"result=${r.result}\"\n"
                        + "}",
                Result.SUCCESS);
        r.assertLogContains("result=FAILURE", b);
    }

    @Test
    public void warningMakesTheBuildUnstable() throws Exception {
        // Clocks that agree but follow no time server are a WARNING of time-sync (a skew beyond the limit FAILS).
        sim.standby().inject(Fault.clockUnsynchronised());
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatStandbyPrepare primary: '" + sim.primary().address() + "', standby: '"
                        + sim.standby().address() + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys()
                        + "\n"
                        + "}",
                Result.UNSTABLE);
        r.assertLogContains(
                "time-sync on " + sim.primary().address() + ", " + sim.standby().address() + ": WARNING", b);
    }

    @Test
    public void refusesToRunOutsideANodeBlock() throws Exception {
        WorkflowRun b = run("xcatDbBackup host: 'mn1', credentialsId: 'xcat-root'", Result.FAILURE);
        r.assertLogContains("xcatDbBackup must run inside a node block", b);
    }

    @Test
    public void badInputIsRefusedBeforeAnyConnection() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatStandbyPrepare primary: 'mn1', standby: 'mn2;reboot', credentialsId: 'xcat-root'\n"
                        + "}",
                Result.FAILURE);
        r.assertLogContains("standby: 'mn2;reboot' is not a valid host name", b);
    }

    @Test
    public void abortEndsRemoteCommandWithinSecondsAndStillArchivesTheReport() throws Exception {
        sim.primary().inject(Fault.commandHangs("dumpxCATdb"));
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "}",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("dump on", b);
        b.doStop();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.ABORTED, b);
        assertArchived(b, "xcat-ha/db-backup/report.json");
        assertThat(text(b, "xcat-ha/db-backup/report.json"), containsString("\"SKIPPED\""));
        assertThat(
                "the aborted backup released its lock",
                sim.primary().fileExists("/var/backup/xcat/.xcat-ha.lock"),
                is(false));

        sim.primary().clearFaults();
        WorkflowJob next = r.createProject(WorkflowJob.class, "next");
        next.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "}",
                true));
        r.buildAndAssertSuccess(next);
    }

    private static void assertArchived(WorkflowRun b, String path) throws IOException {
        VirtualFile f = b.getArtifactManager().root().child(path);
        assertThat(path + " archived", f.isFile(), is(true));
    }

    private static String text(WorkflowRun b, String path) throws IOException {
        VirtualFile f = b.getArtifactManager().root().child(path);
        assertThat(f, notNullValue());
        try (var in = f.open()) {
            return IOUtils.toString(in, StandardCharsets.UTF_8);
        }
    }
}
