package io.jenkins.plugins.xcatha.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import jenkins.util.VirtualFile;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a build archived, read the way a person or the junit step would read it. */
final class Artifacts {
    private Artifacts() {}

    static void assertArchived(Run<?, ?> b, String path) throws IOException {
        assertThat(path + " archived", b.getArtifactManager().root().child(path).isFile(), is(true));
    }

    /** The report files every invocation publishes. */
    static void assertReportArchived(Run<?, ?> b, String folder) throws IOException {
        assertArchived(b, folder + "/report.json");
        assertArchived(b, folder + "/junit.xml");
        assertArchived(b, folder + "/summary.txt");
    }

    static String text(Run<?, ?> b, String path) throws IOException {
        VirtualFile f = b.getArtifactManager().root().child(path);
        assertThat(path + " archived", f.isFile(), is(true));
        try (InputStream in = f.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The test cases of an archived junit.xml as the junit step reads them: name to outcome ("passed",
     * "failure", "error" or "skipped"), in document order.
     */
    static Map<String, String> testCases(Run<?, ?> b, String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite;
        try (InputStream in = b.getArtifactManager().root().child(path).open()) {
            suite = f.newDocumentBuilder().parse(in).getDocumentElement();
        }
        assertThat("one testsuite per procedure", suite.getTagName(), is("testsuite"));
        Map<String, String> cases = new LinkedHashMap<>();
        NodeList nodes = suite.getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element c = (Element) nodes.item(i);
            cases.put(c.getAttribute("name"), outcome(c));
        }
        assertThat(
                "the tests attribute counts the test cases",
                suite.getAttribute("tests"),
                is(Integer.toString(cases.size())));
        return cases;
    }

    /** The outcome of the test case of one procedure step ("id: title"). */
    static String outcomeOf(Map<String, String> testCases, String stepId) {
        return testCases.entrySet().stream()
                .filter(e -> e.getKey().startsWith(stepId + ": "))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test case for step " + stepId + " in " + testCases));
    }

    private static String outcome(Element testCase) {
        List<String> children = new ArrayList<>();
        for (String kind : List.of("failure", "error", "skipped")) {
            if (testCase.getElementsByTagName(kind).getLength() > 0) {
                children.add(kind);
            }
        }
        return children.isEmpty() ? "passed" : String.join(",", children);
    }
}
