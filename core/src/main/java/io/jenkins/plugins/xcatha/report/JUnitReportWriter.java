package io.jenkins.plugins.xcatha.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one testsuite per procedure ({@code xcat-ha.<procedure-id>}), one testcase per step,
 * so Jenkins' junit step and test dashboards show each step. Written with the JDK's StAX writer, which
 * escapes markup ({@code <}, {@code &}, {@code ]]>}, quotes); {@link SafeText#xml} removes what XML 1.0 cannot
 * hold at all.
 */
public final class JUnitReportWriter {
    public static final String FILE_NAME = "junit.xml";
    static final String PREFIX = "xcat-ha.";

    public byte[] toXml(ProcedureReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory()
                    .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            writeSuite(xml, report);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the JUnit report of " + report.procedure(), e);
        }
        return bytes.toByteArray();
    }

    public void write(ProcedureReport report, Path file) throws IOException {
        AtomicFiles.write(file, toXml(report));
    }

    private static void writeSuite(XMLStreamWriter xml, ProcedureReport report) throws XMLStreamException {
        String suite = PREFIX + report.procedure();
        xml.writeComment(" xcat-ha " + report.procedure() + " (" + report.mode().id() + "): "
                + report.result() + ". WARNING steps are passing testcases with the warning in system-out:"
                + " the step itself already marks the build UNSTABLE, and a failed testcase would make"
                + " Jenkins' junit step mark it UNSTABLE a second time for the same finding. ");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Integer.toString(report.steps().size()));
        xml.writeAttribute("failures", Long.toString(count(report, Status.FAILED)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(count(report, Status.SKIPPED)));
        xml.writeAttribute("time", seconds(report.durationMs()));
        xml.writeAttribute("timestamp", report.startedAt().toString());
        for (StepResult step : report.steps()) {
            xml.writeCharacters("\n  ");
            writeCase(xml, suite, step);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, String suite, StepResult step) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("name", attribute(step.id() + ": " + step.title()));
        xml.writeAttribute("time", seconds(step.durationMs()));
        String where = step.host().isEmpty() ? "" : " [" + step.host() + "]";
        switch (step.status()) {
            case FAILED -> {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", attribute(step.message()));
                xml.writeAttribute("type", "FAILED");
                xml.writeCharacters(SafeText.xml(step.message() + where + "\n" + commandsText(step)));
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", attribute(step.message()));
            }
            default -> {
                // OK, CHANGED and WARNING pass; the status and message lead the output below.
            }
        }
        String out = step.status() + where + ": " + step.message() + "\n" + commandsText(step);
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(SafeText.xml(out));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** Every command with its exit code and output, as a person would have seen it on a terminal. */
    static String commandsText(StepResult step) {
        StringBuilder text = new StringBuilder();
        for (CommandRecord c : step.commands()) {
            text.append("$ ").append(c.host()).append(": ").append(c.command()).append('\n');
            text.append("  exit ").append(c.exitCode() == null ? "none (did not complete)" : c.exitCode())
                    .append(", ").append(c.durationMs()).append(" ms\n");
            appendStream(text, "stdout", c.stdout());
            appendStream(text, "stderr", c.stderr());
        }
        return text.toString();
    }

    private static void appendStream(StringBuilder text, String name, String content) {
        if (content == null || content.isEmpty()) {
            return;
        }
        text.append("  ").append(name).append(":\n");
        for (String line : content.stripTrailing().split("\n", -1)) {
            text.append("    ").append(line).append('\n');
        }
    }

    /** Attribute values are one line: parsers fold raw newlines in attributes into spaces anyway. */
    private static String attribute(String value) {
        return SafeText.xml(value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }

    private static long count(ProcedureReport report, Status status) {
        return report.steps().stream().filter(s -> s.status() == status).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
