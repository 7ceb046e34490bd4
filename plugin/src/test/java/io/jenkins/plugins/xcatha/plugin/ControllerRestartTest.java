package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import hudson.model.Result;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * A step cannot resume after the controller restarts (its work ran on a thread that is gone): the build fails
 * with Pipeline's own message, which says how to retry, instead of hanging or pretending to go on.
 */
public class ControllerRestartTest {
    private final SimulatedClusterRule sim = SimulatedClusterRule.pair();
    private final JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Rule
    public RuleChain nodesOutliveJenkins = RuleChain.outerRule(sim).around(sessions);

    @Test
    public void aRestartDuringAStepFailsItAsNotResumable() throws Throwable {
        sim.primary().inject(Fault.commandHangs("dumpxCATdb"));
        sessions.then(r -> {
            SimulatedNodeKeys.installRootKey(sim);
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "node {\n"
                            + "  xcatDbBackup host: '" + sim.primary().address()
                            + "', credentialsId: 'xcat-root', hostKeyVerification: "
                            + SimulatedNodeKeys.knownHostsArgument(sim) + "\n"
                            + "}",
                    true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("dump on", b);
        });
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertThat(p, notNullValue());
            WorkflowRun b = p.getBuildByNumber(1);
            r.waitForCompletion(b);
            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("The Pipeline step `xcatDbBackup` cannot be resumed after a controller restart", b);
            r.assertLogContains("retry(conditions: [nonresumable()], count: 2)", b);
        });
    }
}
