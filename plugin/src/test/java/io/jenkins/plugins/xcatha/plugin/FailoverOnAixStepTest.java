package io.jenkins.plugins.xcatha.plugin;

import static io.jenkins.plugins.xcatha.plugin.Artifacts.outcomeOf;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.testCases;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** xcatFailover on an AIX pair with DB2 from a Jenkins agent: the shared volume group moves with the shared data. */
public class FailoverOnAixStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.AIX7, DbEngine.DB2);

    @Test
    public void thePlannedFailoverVariesTheSharedVolumeGroupOverToTheStandby() throws Exception {
        SimulatedNodeKeys.installRootKey(sim);
        DumbSlave agent = r.createOnlineSlave();
        String reach = "credentialsId: 'xcat-root', hostKeyVerification: " + SimulatedNodeKeys.knownHostsArgument(sim);
        String mn1 = sim.primary().address();
        String mn2 = sim.standby().address();
        WorkflowJob p = r.createProject(WorkflowJob.class, "aix-ops");
        p.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  xcatStandbyPrepare primary: '" + mn1 + "', standby: '" + mn2 + "', " + reach + "\n"
                        + "  def f = xcatFailover primary: '" + mn1 + "', standby: '" + mn2 + "', virtualIp: '"
                        + sim.cluster().virtualIp() + "/8', interface: 'en0', planned: true,"
                        + " sharedVolumeGroup: 'xcatvg', " + reach + "\n"
                        + "  echo \"failover=${f.result}\"\n"
                        + "}",
                true));
        WorkflowRun b = r.buildAndAssertStatus(Result.SUCCESS, p);
        r.assertLogContains("failover=SUCCESS", b);
        assertThat(
                "the report keeps the whole message (the log line is cut)",
                Artifacts.text(b, "xcat-ha/failover/report.json"),
                containsString("varied off the volume group xcatvg (`varyoffvg xcatvg`)"));
        r.assertLogContains("varied on the volume group xcatvg", b);
        assertThat(sim.standby().variedOnVolumeGroups(), hasItem("xcatvg"));
        assertThat(sim.primary().variedOnVolumeGroups(), not(hasItem("xcatvg")));
        assertThat(sim.standby().carriesVirtualIp(), is(true));
        assertThat(outcomeOf(testCases(b, "xcat-ha/failover/junit.xml"), "shared-data"), is("passed"));
    }
}
