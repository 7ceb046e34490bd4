package io.jenkins.plugins.xcatha.plugin;

import static io.jenkins.plugins.xcatha.plugin.Artifacts.assertArchived;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.assertReportArchived;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.testCases;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Computer;
import hudson.model.Fingerprint;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/** The Pipeline steps against simulated management nodes, run from a real agent JVM. */
public class PipelineStepsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private DumbSlave agent;
    private BasicSSHUserPrivateKey key;

    @Before
    public void credentialsAndAgent() throws Exception {
        key = SimulatedNodeKeys.installRootKey(sim);
        agent = r.createOnlineSlave();
    }

    private String hostKeys() {
        return SimulatedNodeKeys.knownHostsArgument(sim);
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
                        + "  echo \"steps=${r.steps.keySet() as List}\"\n"
                        + "}",
                Result.SUCCESS);
        r.assertLogContains("result=SUCCESS ssh-trust=CHANGED artifacts=xcat-ha/standby-prepare", b);
        r.assertLogContains(
                "steps=[preflight, database-engine, shared-data, xcatd-verify, name-resolution, ssh-trust,"
                        + " time-sync, stop-xcat-services, stop-hpc-daemons, backup-database]",
                b);
        r.assertLogContains("shared-data on", b);
        r.assertLogContains("from " + agent.getNodeName(), b);
        assertReportArchived(b, "xcat-ha/standby-prepare");
        assertThat(
                "junit shows one test per procedure step",
                stepIds(testCases(b, "xcat-ha/standby-prepare/junit.xml").keySet()),
                contains(
                        "preflight",
                        "database-engine",
                        "shared-data",
                        "xcatd-verify",
                        "name-resolution",
                        "ssh-trust",
                        "time-sync",
                        "stop-xcat-services",
                        "stop-hpc-daemons",
                        "backup-database"));
        assertThat(
                Artifacts.outcomeOf(testCases(b, "xcat-ha/standby-prepare/junit.xml"), "backup-database"),
                is("skipped"));
    }

    @Test
    public void theKeyStaysOutOfLogAndArtifactsAndItsUseIsTrackedOnTheRun() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "}",
                Result.SUCCESS);
        String pem = sim.cluster().clientKey().privateKeyPem();
        List<String> keyLines = pem.lines()
                .filter(l -> !l.startsWith("-----") && l.length() > 20)
                .collect(Collectors.toList());
        assertThat(keyLines.isEmpty(), is(false));
        String log = JenkinsRule.getLog(b);
        List<String> artifacts = new ArrayList<>();
        for (VirtualFile f :
                b.getArtifactManager().root().child("xcat-ha/db-backup").list()) {
            artifacts.add(text(b, "xcat-ha/db-backup/" + f.getName()));
        }
        for (String line : keyLines) {
            assertThat("no line of the private key in the build log", log, not(containsString(line)));
            for (String artifact : artifacts) {
                assertThat("no line of the private key in an artifact", artifact, not(containsString(line)));
            }
        }
        Fingerprint usage = CredentialsProvider.getFingerprintOf(key);
        assertThat("the credential's use is recorded", usage, is(org.hamcrest.Matchers.notNullValue()));
        assertThat(usage.getJobs(), hasItem("p"));
        assertThat(usage.getRangeSet("p").includes(b.getNumber()), is(true));
    }

    @Test
    public void aBuildWhoseUserMayNotUseTheKeyIsRefusedBeforeAnyConnection() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Computer.BUILD)
                .everywhere()
                .to("dev"));
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate("p", User.getById("dev", true).impersonate2()));
        sim.primary().clearAudit();
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "}",
                Result.FAILURE);
        r.assertLogContains(
                "xcatDbBackup: credentialsId: no SSH private key credential with id 'xcat-root' is available to this build",
                b);
        assertThat("nothing reached the node", sim.primary().receivedCommands(), is(empty()));
    }

    @Test
    public void anEngineRefusalOnTheAgentReachesTheBuildAsItsMessage() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root',"
                        + " hostKeyVerification: knownHostsFile(path: '/nonexistent/known_hosts')\n"
                        + "}",
                Result.FAILURE);
        r.assertLogContains("/nonexistent/known_hosts", b);
        r.assertLogNotContains("Rejected:", b);
        r.assertLogNotContains("SecurityException", b);
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
    public void dbBackupRunsFromTheAgentAndASecondCallGetsItsOwnFolder() throws Exception {
        WorkflowRun b = run(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  def first = xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "  echo \"first=${first.result} ${first.procedure} ${first.mode} ${first.steps}\"\n"
                        + "  echo \"took=${first.backup}\"\n"
                        + "  def r = xcatDbBackup host: '" + sim.primary().address()
                        + "', credentialsId: 'xcat-root', hostKeyVerification: " + hostKeys() + "\n"
                        + "  echo \"second=${r.artifacts}\"\n"
                        + "}",
                Result.SUCCESS);
        r.assertLogContains(
                "first=SUCCESS db-backup apply [preflight:OK, dump:CHANGED, verify:OK, checksum:CHANGED,"
                        + " collect:SKIPPED, retention:OK]",
                b);
        r.assertLogContains("second=xcat-ha/db-backup-2", b);
        r.assertLogContains("took=xcatdb-", b);
        assertReportArchived(b, "xcat-ha/db-backup");
        assertReportArchived(b, "xcat-ha/db-backup-2");
        assertThat(
                stepIds(testCases(b, "xcat-ha/db-backup/junit.xml").keySet()),
                contains("preflight", "dump", "verify", "checksum", "collect", "retention"));
        assertThat(text(b, "xcat-ha/db-backup/summary.txt"), containsString("Result: SUCCESS"));
        assertThat(
                "both dumps are on the node",
                sim.primary()
                        .shell("ls -d /var/backup/xcat/*/ | grep -c .")
                        .stdout()
                        .trim(),
                is("2"));
    }

    @Test
    public void deliberatelyDeletedRowsAreAcceptedForOneRunInThePipelinesWords() throws Exception {
        String backup = "xcatDbBackup host: '" + sim.primary().address() + "', credentialsId: 'xcat-root',"
                + " hostKeyVerification: " + hostKeys();
        run("node('" + agent.getNodeName() + "') {\n  " + backup + "\n}", Result.SUCCESS);
        sim.primary().keepRows("nodelist", 1);

        WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  def refused = " + backup + ", reportOnly: true\n"
                        + "  echo \"refused=${refused.result}\"\n"
                        + "  def accepted = " + backup + ", acceptRowLoss: 'nodelist'\n"
                        + "  echo \"accepted=${accepted.result}\"\n"
                        + "}",
                true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("refused=FAILURE", b);
        r.assertLogContains("run this backup once with acceptRowLoss: 'nodelist'", b);
        r.assertLogContains("accepted=SUCCESS", b);
        r.assertLogContains("row loss accepted with acceptRowLoss: 'nodelist': nodelist (4 -> 1 rows)", b);
        r.assertLogNotContains("--accept-row-loss", b);
    }

    @Test
    public void dbRestoreBringsBackACollectedArchiveFromTheAgent() throws Exception {
        String hosts = "host: '" + sim.primary().address() + "', credentialsId: 'xcat-root', hostKeyVerification: "
                + hostKeys();
        run("node('" + agent.getNodeName() + "') {\n  xcatDbBackup " + hosts + ", collect: true\n}", Result.SUCCESS);
        String nodelist = sim.primary().tableFile("nodelist");
        String before = sim.primary().readFile(nodelist);
        sim.primary().keepRows("nodelist", 0);

        WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  def archive = sh(script: 'f=$(ls xcat-ha/db-backup/*.tar.gz) && mv \"$f\" restore-me.tar.gz"
                        + " && echo restore-me.tar.gz', returnStdout: true).trim()\n"
                        + "  def r = xcatDbRestore " + hosts + ", archive: archive\n"
                        + "  echo \"restore=${r.result} ${r.steps}\"\n"
                        + "  echo \"restored=${r.restoredBackup} undo=${r.safetyBackup}\"\n"
                        + "}",
                true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains(
                "restore=SUCCESS [preflight:OK, verify-backup:OK, safety-backup:CHANGED, stage:CHANGED,"
                        + " restore:CHANGED, verify:OK, cleanup:CHANGED]",
                b);
        r.assertLogContains("restore that one with backup: 'xcatdb-", b);
        r.assertLogContains("restored=xcatdb-", b);
        r.assertLogContains("undo=xcatdb-", b);
        assertReportArchived(b, "xcat-ha/db-restore");
        assertThat(
                stepIds(testCases(b, "xcat-ha/db-restore/junit.xml").keySet()),
                contains("preflight", "verify-backup", "safety-backup", "stage", "restore", "verify", "cleanup"));
        assertThat("the deleted nodes are back", sim.primary().readFile(nodelist), is(before));
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
        long stoppedAt = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);
        long seconds = (System.nanoTime() - stoppedAt) / 1_000_000_000L;
        r.assertBuildStatus(Result.ABORTED, b);
        assertThat("the build ended within seconds of the stop", seconds, lessThan(20L));
        assertThat(
                "no dumpxCATdb is left running on the node",
                sim.primary().processesOfNode().stream()
                        .filter(process -> process.contains("dumpxCATdb"))
                        .collect(Collectors.toList()),
                is(empty()));
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

    /** "ssh-trust: Trust root SSH both ways" to "ssh-trust". */
    private static List<String> stepIds(java.util.Collection<String> testCaseNames) {
        return testCaseNames.stream().map(n -> n.substring(0, n.indexOf(':'))).collect(Collectors.toList());
    }
}
