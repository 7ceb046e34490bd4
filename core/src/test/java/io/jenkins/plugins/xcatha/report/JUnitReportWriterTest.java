package io.jenkins.plugins.xcatha.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class JUnitReportWriterTest {

    private static Document parse(ProcedureReport report) throws Exception {
        byte[] xml = new JUnitReportWriter().toXml(report);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element testcase(Document doc, int index) {
        return (Element) doc.getElementsByTagName("testcase").item(index);
    }

    @Test
    public void oneSuitePerProcedureWithCountsThatMatchTheSteps() throws Exception {
        Document doc = parse(SampleReports.standbyPrepare());

        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName(), is("testsuite"));
        assertThat(suite.getAttribute("name"), is("xcat-ha.standby-prepare"));
        assertThat(suite.getAttribute("tests"), is("5"));
        assertThat(suite.getAttribute("failures"), is("1"));
        assertThat(suite.getAttribute("skipped"), is("1"));
        assertThat(suite.getAttribute("errors"), is("0"));
        assertThat(suite.getAttribute("time"), is("2.345"));
        assertThat(doc.getElementsByTagName("testcase").getLength(), is(5));
        assertThat(doc.getElementsByTagName("failure").getLength(), is(1));
        assertThat(doc.getElementsByTagName("skipped").getLength(), is(1));
    }

    @Test
    public void eachStepIsATestcaseNamedByIdAndTitle() throws Exception {
        Element first = testcase(parse(SampleReports.standbyPrepare()), 0);

        assertThat(first.getAttribute("classname"), is("xcat-ha.standby-prepare"));
        assertThat(first.getAttribute("name"), is("preflight: Inputs, reachability, same OS and xCAT"));
        assertThat(first.getAttribute("time"), is("0.150"));
        assertThat(first.getElementsByTagName("system-out").item(0).getTextContent(),
                containsString("$ mn1: lsxcatd -a"));
    }

    @Test
    public void failedStepCarriesItsCommandsAndOutputInTheFailure() throws Exception {
        Element failed = testcase(parse(SampleReports.standbyPrepare()), 3);

        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"), containsString("mount check failed: "));
        String body = failure.getTextContent();
        assertThat(body, containsString("$ mn2: cat '/etc/x y'"));
        assertThat(body, containsString("exit 1"));
        assertThat(body, containsString("exit none (did not complete)"));
        assertThat(body, containsString("timeout failed: no answer in 30 s"));
        assertThat(failed.getAttribute("name"), is("shared-data: Shared data \"not\" mounted <here>"));
    }

    @Test
    public void hostileOutputIsKeptReadableAndTheFileStillParses() throws Exception {
        String out = testcase(parse(SampleReports.standbyPrepare()), 3)
                .getElementsByTagName("system-out").item(0).getTextContent();

        assertThat(out, containsString("\\x1B[31mred\\x1B[0m nul:\\x00 bell:\\x07 end:]]> <tag a=\"b\" c='d'> & "
                + "Müller 日本 \uD83D\uDE00 lone:\\uD800!"));
        assertThat(out, not(containsString("\u0000")));
    }

    @Test
    public void warningPassesWithItsMessageInSystemOut() throws Exception {
        Element warning = testcase(parse(SampleReports.standbyPrepare()), 1);

        assertThat(warning.getElementsByTagName("failure").getLength(), is(0));
        assertThat(warning.getElementsByTagName("skipped").getLength(), is(0));
        assertThat(warning.getElementsByTagName("system-out").item(0).getTextContent(),
                containsString("WARNING [mn1, mn2]: clock skew 3 s exceeds 2 s"));
    }

    @Test
    public void skippedStepSaysWhy() throws Exception {
        NodeList skipped = testcase(parse(SampleReports.standbyPrepare()), 4).getElementsByTagName("skipped");

        assertThat(((Element) skipped.item(0)).getAttribute("message"),
                is("not run: it needs shared-data, which did not succeed"));
    }
}
