package io.jenkins.plugins.xcatha.plugin;

import static io.jenkins.plugins.xcatha.plugin.Artifacts.assertReportArchived;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.outcomeOf;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.testCases;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle build steps in freestyle jobs on a real agent, against simulated management nodes. */
public class FreestyleBuildsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private DumbSlave agent;

    @Before
    public void credentialsAndAgent() throws Exception {
        SimulatedNodeKeys.installRootKey(sim);
        agent = r.createOnlineSlave();
    }

    private FreeStyleProject jobOnTheAgent(XcatBuilder builder) throws Exception {
        builder.setCredentialsId("xcat-root");
        builder.setHostKeyVerification(SimulatedNodeKeys.knownHosts(sim));
        FreeStyleProject job = r.createFreeStyleProject();
        job.setAssignedNode(agent);
        job.getBuildersList().add(builder);
        return job;
    }

    @Test
    public void standbyBuilderPreparesTheStandbyAndArchivesTheReport() throws Exception {
        FreeStyleProject job = jobOnTheAgent(new XcatStandbyPrepareBuilder(
                sim.primary().address(), sim.standby().address()));
        FreeStyleBuild b = r.buildAndAssertSuccess(job);
        r.assertLogContains("from " + agent.getNodeName(), b);
        r.assertLogContains("Result: SUCCESS", b);
        assertReportArchived(b, "xcat-ha/standby-prepare");
        assertThat(outcomeOf(testCases(b, "xcat-ha/standby-prepare/junit.xml"), "ssh-trust"), is("passed"));
        assertThat(sim.standby().service("xcatd").running(), is(false));

        FreeStyleBuild again = r.buildAndAssertSuccess(job);
        assertThat(
                "a second build changes nothing",
                text(again, "xcat-ha/standby-prepare/summary.txt"),
                org.hamcrest.Matchers.not(containsString("CHANGED")));
    }

    @Test
    public void failoverBuilderMovesTheManagementNodeToThePreparedStandby() throws Exception {
        String mn1 = sim.primary().address();
        String mn2 = sim.standby().address();
        r.buildAndAssertSuccess(jobOnTheAgent(new XcatStandbyPrepareBuilder(mn1, mn2)));

        XcatFailoverBuilder failover = new XcatFailoverBuilder(mn1, mn2);
        failover.setVirtualIp(sim.cluster().virtualIp() + "/8");
        failover.setInterface("eth0");
        failover.setPlanned(true);
        FreeStyleProject job = jobOnTheAgent(failover);
        FreeStyleBuild b = r.buildAndAssertSuccess(job);
        r.assertLogContains("from " + agent.getNodeName(), b);
        assertReportArchived(b, "xcat-ha/failover");
        assertThat(outcomeOf(testCases(b, "xcat-ha/failover/junit.xml"), "virtual-ip"), is("passed"));
        assertThat(sim.standby().carriesVirtualIp(), is(true));
        assertThat(sim.primary().carriesVirtualIp(), is(false));

        r.buildAndAssertSuccess(jobOnTheAgent(new XcatStandbyPrepareBuilder(mn2, mn1)));
    }

    @Test
    public void restoreBuilderPutsTheLatestBackupBack() throws Exception {
        XcatDbBackupBuilder backup = new XcatDbBackupBuilder();
        backup.setHost(sim.primary().address());
        r.buildAndAssertSuccess(jobOnTheAgent(backup));
        String nodelist = sim.primary().tableFile("nodelist");
        String before = sim.primary().readFile(nodelist);
        sim.primary().keepRows("nodelist", 0);

        XcatDbRestoreBuilder restore = new XcatDbRestoreBuilder();
        restore.setHost(sim.primary().address());
        FreeStyleBuild b = r.buildAndAssertSuccess(jobOnTheAgent(restore));
        assertReportArchived(b, "xcat-ha/db-restore");
        assertThat(outcomeOf(testCases(b, "xcat-ha/db-restore/junit.xml"), "verify"), is("passed"));
        assertThat(sim.primary().readFile(nodelist), is(before));
    }

    @Test
    public void backupBuilderBacksUpAndAFailedStepFailsTheBuild() throws Exception {
        XcatDbBackupBuilder backup = new XcatDbBackupBuilder();
        backup.setHost(sim.primary().address());
        backup.setCollect(true);
        FreeStyleProject job = jobOnTheAgent(backup);
        FreeStyleBuild b = r.buildAndAssertSuccess(job);
        assertReportArchived(b, "xcat-ha/db-backup");
        assertThat(outcomeOf(testCases(b, "xcat-ha/db-backup/junit.xml"), "collect"), is("passed"));

        sim.primary().inject(Fault.tableFails("nodelist"));
        FreeStyleBuild failed = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("db-backup failed: ", failed);
        assertThat(outcomeOf(testCases(failed, "xcat-ha/db-backup/junit.xml"), "verify"), is("failure"));
    }
}
