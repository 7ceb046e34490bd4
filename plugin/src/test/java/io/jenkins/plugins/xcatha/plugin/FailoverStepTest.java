package io.jenkins.plugins.xcatha.plugin;

import static io.jenkins.plugins.xcatha.plugin.Artifacts.assertReportArchived;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.outcomeOf;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.testCases;
import static io.jenkins.plugins.xcatha.plugin.Artifacts.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.List;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * xcatFailover in a cluster-ops Pipeline, from a real agent, against a simulated pair whose virtual IP, shared disk
 * and services move as they would on real management nodes.
 */
public class FailoverStepTest {
    private static final List<String> STEP_IDS = List.of(
            "preflight",
            "deactivate-primary",
            "virtual-ip",
            "shared-data",
            "database",
            "start-xcatd",
            "network-services",
            "start-hpc-daemons",
            "verify");

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private DumbSlave agent;
    private int jobs;

    @Before
    public void credentialsAndAgent() throws Exception {
        SimulatedNodeKeys.installRootKey(sim);
        agent = r.createOnlineSlave();
    }

    /** The arguments every call shares: the key, the nodes' host keys. */
    private String reach() {
        return "credentialsId: 'xcat-root', hostKeyVerification: " + SimulatedNodeKeys.knownHostsArgument(sim);
    }

    private String failover(String primary, String standby, String more) {
        return "xcatFailover primary: '" + primary + "', standby: '" + standby + "', virtualIp: '"
                + sim.cluster().virtualIp() + "/8', interface: 'eth0', " + reach() + more;
    }

    private String failover(String more) {
        return failover(sim.primary().address(), sim.standby().address(), more);
    }

    private String prepare(String primary, String standby) {
        return "xcatStandbyPrepare primary: '" + primary + "', standby: '" + standby + "', " + reach();
    }

    private WorkflowRun run(Result expected, String... lines) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "ops-" + ++jobs);
        p.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n  " + String.join("\n  ", lines) + "\n}", true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    public void aClusterOpsPipelinePreparesFailsOverAndPreparesTheOldPrimaryAsTheNewStandby() throws Exception {
        String mn1 = sim.primary().address();
        String mn2 = sim.standby().address();
        WorkflowRun b = run(
                Result.SUCCESS,
                prepare(mn1, mn2),
                "def f = " + failover(", planned: true"),
                "echo \"failover=${f.result} virtual-ip=${f.steps['virtual-ip']} artifacts=${f.artifacts}\"",
                "echo \"steps=${f.steps.keySet() as List}\"",
                "def swapped = " + prepare(mn2, mn1),
                "echo \"swapped=${swapped.result} artifacts=${swapped.artifacts}\"");

        r.assertLogContains("failover=SUCCESS virtual-ip=CHANGED artifacts=xcat-ha/failover", b);
        r.assertLogContains("steps=" + STEP_IDS, b);
        r.assertLogContains("swapped=SUCCESS artifacts=xcat-ha/standby-prepare-2", b);
        assertThat("the virtual IP moved", sim.standby().carriesVirtualIp(), is(true));
        assertThat(sim.primary().carriesVirtualIp(), is(false));
        assertThat(sim.standby().service("xcatd").running(), is(true));
        assertThat(sim.primary().service("xcatd").running(), is(false));
        assertThat(sim.primary().mountedDirs(), is(empty()));

        assertReportArchived(b, "xcat-ha/failover");
        assertThat(
                "junit shows one test per failover step",
                testCases(b, "xcat-ha/failover/junit.xml").keySet().stream()
                        .map(name -> name.substring(0, name.indexOf(':')))
                        .collect(Collectors.toList()),
                contains(STEP_IDS.toArray()));
        assertThat(outcomeOf(testCases(b, "xcat-ha/failover/junit.xml"), "start-hpc-daemons"), is("skipped"));
        assertThat(
                "the summary ends with the next thing to do",
                text(b, "xcat-ha/failover/summary.txt"),
                containsString("Next: prepare the old primary"));
        assertThat(text(b, "xcat-ha/failover/report.json"), containsString("\"procedure\" : \"failover\""));
        r.assertLogContains(
                "Next: prepare the old primary " + mn1 + " as the new standby: xcatStandbyPrepare primary: '" + mn2
                        + "', standby: '" + mn1 + "'",
                b);

        WorkflowRun again = run(Result.SUCCESS, "def f = " + failover(", planned: true"), "echo \"again=${f.steps}\"");
        r.assertLogNotContains("CHANGED", again);
    }

    @Test
    public void checkModeSaysWhatItWouldDoAndLeavesThePrimaryServing() throws Exception {
        WorkflowRun b = run(
                Result.SUCCESS,
                prepare(sim.primary().address(), sim.standby().address()),
                // as the snippet generator writes it: the keyword parameter quoted
                "def f = " + failover(", planned: true, checkMode: true").replace("interface:", "'interface':"),
                "echo \"mode=${f.mode} result=${f.result}\"");
        r.assertLogContains("mode=check result=SUCCESS", b);
        r.assertLogContains("would configure the virtual IP", b);
        assertThat(sim.primary().carriesVirtualIp(), is(true));
        assertThat(sim.primary().service("xcatd").running(), is(true));
        assertThat(sim.standby().carriesVirtualIp(), is(false));
        assertThat(sim.standby().service("xcatd").running(), is(false));
    }

    @Test
    public void anUnreachablePrimaryIsTakenForDownOnlyOnTheOperatorsWord() throws Exception {
        run(Result.SUCCESS, prepare(sim.primary().address(), sim.standby().address()));
        sim.primary().inject(Fault.primaryUnreachable());
        sim.standby().clearAudit();

        WorkflowRun refused = run(Result.FAILURE, failover(", connectTimeoutSeconds: 3"));
        r.assertLogContains("unreachable is not down", refused);
        r.assertLogContains("primaryDown", refused);
        assertThat(outcomeOf(testCases(refused, "xcat-ha/failover/junit.xml"), "preflight"), is("failure"));
        assertThat(sim.standby().carriesVirtualIp(), is(false));

        sim.primary().crash();
        WorkflowRun b = run(
                Result.SUCCESS,
                "def f = " + failover(", primaryDown: true"),
                "echo \"deactivate=${f.steps['deactivate-primary']}\"");
        r.assertLogContains("deactivate=SKIPPED", b);
        assertThat(sim.standby().carriesVirtualIp(), is(true));
        assertThat(sim.standby().service("xcatd").running(), is(true));
    }

    @Test
    public void somethingElseOnTheVirtualIpStopsTheFailoverBeforeTheStandbyIsActivated() throws Exception {
        run(Result.SUCCESS, prepare(sim.primary().address(), sim.standby().address()));
        sim.primary().crash();
        sim.standby().inject(Fault.vipInUse());
        WorkflowRun b = run(Result.FAILURE, failover(", primaryDown: true"));
        r.assertLogContains("something answers on the virtual IP", b);
        assertThat(outcomeOf(testCases(b, "xcat-ha/failover/junit.xml"), "virtual-ip"), is("failure"));
        assertThat(outcomeOf(testCases(b, "xcat-ha/failover/junit.xml"), "shared-data"), is("skipped"));
        assertThat(sim.standby().mountedDirs(), is(empty()));
    }

    @Test
    public void badInputIsRefusedInThePipelinesWordsBeforeAnyConnection() throws Exception {
        sim.primary().clearAudit();
        sim.standby().clearAudit();
        WorkflowRun noPrefix = run(
                Result.FAILURE,
                "xcatFailover primary: '" + sim.primary().address() + "', standby: '"
                        + sim.standby().address() + "', virtualIp: '10.0.0.1', interface: 'eth0', planned: true, "
                        + reach());
        r.assertLogContains("virtualIp: '10.0.0.1' has no prefix length", noPrefix);

        WorkflowRun hostile = run(Result.FAILURE, failover(", planned: true").replace("'eth0'", "'eth0;reboot'"));
        r.assertLogContains("interface: 'eth0;reboot' is not an interface name", hostile);

        WorkflowRun both = run(Result.FAILURE, failover(", planned: true, primaryDown: true"));
        r.assertLogContains("primaryDown: cannot go with planned", both);

        WorkflowRun local = run(Result.FAILURE, failover(", planned: true, local: true"));
        r.assertLogContains("local: xcatFailover reaches both management nodes over SSH", local);

        assertThat("nothing reached the primary", sim.primary().receivedCommands(), is(empty()));
        assertThat("nothing reached the standby", sim.standby().receivedCommands(), is(empty()));
    }

    @Test
    public void anAbortedFailoverEndsWithinSecondsAndARerunContinuesWhereItStopped() throws Exception {
        run(Result.SUCCESS, prepare(sim.primary().address(), sim.standby().address()));
        sim.standby().inject(Fault.commandHangs("makedhcp"));
        WorkflowJob p = r.createProject(WorkflowJob.class, "aborted");
        p.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n  " + failover(", planned: true") + "\n}", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("network-services on", b);
        long stoppedAt = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);
        long seconds = (System.nanoTime() - stoppedAt) / 1_000_000_000L;
        r.assertBuildStatus(Result.ABORTED, b);
        assertThat("the build ended within seconds of the stop", seconds, lessThan(20L));
        assertThat(
                "no makedhcp is left running on the standby",
                sim.standby().processesOfNode().stream()
                        .filter(process -> process.contains("makedhcp"))
                        .collect(Collectors.toList()),
                is(empty()));
        assertThat(text(b, "xcat-ha/failover/report.json"), containsString("\"SKIPPED\""));
        assertThat("what was done stays done", sim.standby().carriesVirtualIp(), is(true));

        sim.standby().clearFaults();
        WorkflowRun rerun = run(
                Result.SUCCESS,
                "def f = " + failover(", planned: true"),
                "echo \"virtual-ip=${f.steps['virtual-ip']} network-services=${f.steps['network-services']}\"");
        r.assertLogContains("virtual-ip=OK network-services=CHANGED", rerun);
        assertThat(sim.standby().service("dhcpd").running(), is(true));
    }

    @Test
    public void refusesToRunOutsideANodeBlock() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "outside");
        p.setDefinition(new CpsFlowDefinition(failover(", planned: true"), true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("xcatFailover must run inside a node block", b);
        assertThat(JenkinsRule.getLog(b), containsString("node('mgmt')"));
    }
}
