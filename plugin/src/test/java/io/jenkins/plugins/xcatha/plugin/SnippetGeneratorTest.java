package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.ManuallyProvidedKeyVerification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
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

    @Test
    public void aNewStepOnThePipelineSyntaxPageStartsFromTheDefaults() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        assertThat(
                snippetOfANewStep(p, "xcatDbBackup", Map.of("host", "mn1.cluster")),
                equalTo("xcatDbBackup host: 'mn1.cluster', hostKeyVerification: knownHostsFile()"));
        assertThat(
                snippetOfANewStep(p, "xcatDbRestore", Map.of("host", "mn1.cluster")),
                equalTo("xcatDbRestore host: 'mn1.cluster', hostKeyVerification: knownHostsFile()"));
        assertThat(
                snippetOfANewStep(p, "xcatStandbyPrepare", Map.of("primary", "mn1", "standby", "mn2")),
                equalTo("xcatStandbyPrepare hostKeyVerification: knownHostsFile(), primary: 'mn1', standby: 'mn2'"));
        assertThat(
                snippetOfANewStep(
                        p,
                        "xcatFailover",
                        Map.of("primary", "mn1", "standby", "mn2", "virtualIp", "10.0.0.1/24", "interface", "eth0")),
                equalTo("xcatFailover hostKeyVerification: knownHostsFile(), 'interface': 'eth0', primary: 'mn1',"
                        + " standby: 'mn2', virtualIp: '10.0.0.1/24'"));
    }

    /** {@code interface} is a Groovy keyword: the generator quotes it (FailoverStepTest runs the quoted form). */
    @Test
    public void failoverRoundTripsThroughItsSnippetWithTheKeywordParameterQuoted() throws Exception {
        XcatFailoverStep step = new XcatFailoverStep("mn1", "mn2");
        step.setCredentialsId("xcat-root");
        step.setVirtualIp("10.0.0.1/24");
        step.setInterface("eth0");
        step.setPrimaryDown(true);
        step.setHpcDaemons("gpfs");
        String expected = "xcatFailover credentialsId: 'xcat-root', hpcDaemons: 'gpfs', 'interface': 'eth0',"
                + " primary: 'mn1', primaryDown: true, standby: 'mn2', virtualIp: '10.0.0.1/24'";
        assertRoundTrip(step, expected);
        assertGeneratedFromForm(
                "{\"stapler-class\": \"" + XcatFailoverStep.class.getName() + "\","
                        + " \"primary\": \"mn1\", \"standby\": \"mn2\", \"credentialsId\": \"xcat-root\","
                        + " \"virtualIp\": \"10.0.0.1/24\", \"interface\": \"eth0\", \"planned\": false,"
                        + " \"primaryDown\": true, \"hpcDaemons\": \"gpfs\", \"checkMode\": false}",
                expected);
    }

    /**
     * Picks the step on the Pipeline Syntax page, types the given fields, and lets the page's own script
     * collect the form as the Generate button does. A field left as offered is left out of the snippet, but
     * for the host-key choice, which the form shows (the agent user's known_hosts) and the snippet spells out.
     */
    private String snippetOfANewStep(WorkflowJob p, String functionName, Map<String, String> typed) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage page = wc.getPage(p, "pipeline-syntax");
        HtmlSelect steps = (HtmlSelect) page.querySelector("select.dropdownList");
        HtmlOption option = steps.getOptions().stream()
                .filter(o -> o.getText().startsWith(functionName + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(functionName + " is not offered"));
        steps.setSelectedAttribute(option, true);
        wc.waitForBackgroundJavaScript(5_000);
        for (Map.Entry<String, String> field : typed.entrySet()) {
            HtmlInput input = null;
            for (DomElement e : page.querySelectorAll("input[name='_." + field.getKey() + "']").stream()
                    .map(DomElement.class::cast)
                    .toList()) {
                if (e.isDisplayed()) {
                    input = (HtmlInput) e;
                }
            }
            assertThat("a visible field " + field.getKey(), input != null, equalTo(true));
            input.setValue(field.getValue());
        }
        String form = page.executeJavaScript(
                        "buildFormTree(document.forms.config); document.forms.config.elements.json.value")
                .getJavaScriptResult()
                .toString();
        return generate(JSONObject.fromObject(form).getJSONObject("prototype").toString());
    }

    @Test
    public void dbRestoreRoundTripsThroughItsSnippet() throws Exception {
        XcatDbRestoreStep step = new XcatDbRestoreStep();
        step.setHost("mn1.cluster");
        step.setCredentialsId("xcat-root");
        step.setArchive("backups/xcatdb-20261205T020926Z.tar.gz");
        step.setSafetyBackup(false);
        step.setRestoreOnStandby(true);
        assertRoundTrip(
                step,
                "xcatDbRestore archive: 'backups/xcatdb-20261205T020926Z.tar.gz', credentialsId:"
                        + " 'xcat-root', host: 'mn1.cluster', restoreOnStandby: true, safetyBackup: false");
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
        assertThat(generate(json), equalTo(expected));
    }

    private String generate(String json) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request = new WebRequest(new URL(r.getURL(), Snippetizer.GENERATE_URL), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("json", json),
                new NameValuePair(
                        r.jenkins.getCrumbIssuer().getDescriptor().getCrumbRequestField(),
                        r.jenkins.getCrumbIssuer().getCrumb())));
        WebResponse response = wc.getPage(request).getWebResponse();
        return response.getContentAsString().trim();
    }
}
