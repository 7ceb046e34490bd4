package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.List;
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
            SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
            credentials
                    .getDomainCredentialsMap()
                    .put(
                            Domain.global(),
                            List.of(new BasicSSHUserPrivateKey(
                                    CredentialsScope.GLOBAL,
                                    "xcat-root",
                                    "root",
                                    new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(
                                            sim.cluster().clientKey().privateKeyPem()),
                                    null,
                                    "simulated nodes")));
            credentials.save();
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "node {\n"
                            + "  xcatDbBackup host: '" + sim.primary().address()
                            + "', credentialsId: 'xcat-root', hostKeyVerification: knownHostsFile(path: '"
                            + sim.cluster().knownHostsFile() + "')\n"
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
