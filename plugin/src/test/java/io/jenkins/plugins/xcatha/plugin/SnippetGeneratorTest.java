package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.ManuallyProvidedKeyVerification;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The steps as the Pipeline Syntax page sees them: the snippet generator turns a submitted form into the
 * Groovy a user pastes, and that Groovy binds back to the same step.
 */
public class SnippetGeneratorTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void dbBackupFormBecomesTheSnippetAndTheSnippetTheSameStep() throws Exception {
        XcatDbBackupStep step = new XcatDbBackupStep();
        step.setHost("mn1.cluster");
        step.setCredentialsId("xcat-root");
        KnownHostsFileVerification hostKeys = new KnownHostsFileVerification();
        hostKeys.setPath("/etc/ssh/ssh_known_hosts");
        step.setHostKeyVerification(hostKeys);
        step.setKeep(14);
        step.setMaxAgeDays(30);
        step.setCollect(true);

        String expected = "xcatDbBackup collect: true, credentialsId: 'xcat-root', host: 'mn1.cluster',"
                + " hostKeyVerification: knownHostsFile(path: '/etc/ssh/ssh_known_hosts'), keep: 14, maxAgeDays: 30";
        assertRoundTrip(step, expected);
        assertGeneratedFromForm(
                "{\"stapler-class\": \"" + XcatDbBackupStep.class.getName() + "\","
                        + " \"host\": \"mn1.cluster\", \"credentialsId\": \"xcat-root\","
                        + " \"hostKeyVerification\": {\"stapler-class\": \""
                        + KnownHostsFileVerification.class.getName() + "\", \"path\": \"/etc/ssh/ssh_known_hosts\"},"
                        + " \"checkMode\": false, \"keep\": \"14\", \"maxAgeDays\": \"30\", \"collect\": true}",
                expected);
    }

    @Test
    public void standbyPrepareFormBecomesTheSnippetAndTheSnippetTheSameStep() throws Exception {
        XcatStandbyPrepareStep step = new XcatStandbyPrepareStep("mn1", "mn2");
        step.setCredentialsId("xcat-root");
        step.setHostKeyVerification(new ManuallyProvidedKeyVerification("SHA256:" + "A".repeat(43)));
        step.setCheckMode(true);
        step.setHpcDaemons("teal,gpfs");
        step.setMaxClockSkewSeconds(5);

        String expected = "xcatStandbyPrepare checkMode: true, credentialsId: 'xcat-root',"
                + " hostKeyVerification: manuallyProvidedKey('SHA256:" + "A".repeat(43) + "'),"
                + " hpcDaemons: 'teal,gpfs', maxClockSkewSeconds: 5, primary: 'mn1', standby: 'mn2'";
        assertRoundTrip(step, expected);
        assertGeneratedFromForm(
                "{\"stapler-class\": \"" + XcatStandbyPrepareStep.class.getName() + "\","
                        + " \"primary\": \"mn1\", \"standby\": \"mn2\", \"credentialsId\": \"xcat-root\","
                        + " \"hostKeyVerification\": {\"stapler-class\": \""
                        + ManuallyProvidedKeyVerification.class.getName() + "\", \"key\": \"SHA256:"
                        + "A".repeat(43) + "\"},"
                        + " \"checkMode\": true, \"hpcDaemons\": \"teal,gpfs\", \"maxClockSkewSeconds\": \"5\"}",
                expected);
    }

    /** The Groovy is what the generator prints, and binding its arguments gives back an equal step. */
    private void assertRoundTrip(Step step, String expected) throws Exception {
        assertThat(Snippetizer.object2Groovy(step), equalTo(expected));
        DescribableModel<Step> model =
                new DescribableModel<>(Step.class.cast(step).getClass().asSubclass(Step.class));
        Step bound = model.instantiate(model.uninstantiate2(step).toMap(), null);
        r.assertEqualDataBoundBeans(step, bound);
    }

    /** What the Pipeline Syntax page's "Generate Pipeline Script" button posts, and what it shows back. */
    private void assertGeneratedFromForm(String json, String expected) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request = new WebRequest(new URL(r.getURL(), Snippetizer.GENERATE_URL), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("json", json),
                new NameValuePair(
                        r.jenkins.getCrumbIssuer().getDescriptor().getCrumbRequestField(),
                        r.jenkins.getCrumbIssuer().getCrumb())));
        WebResponse response = wc.getPage(request).getWebResponse();
        assertThat(response.getContentAsString().trim(), equalTo(expected));
    }
}
