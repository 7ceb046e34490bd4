package io.jenkins.plugins.xcatha.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one invocation's artifacts ({@code report.json}, {@code junit.xml}, {@code summary.txt}) into a
 * fresh {@link ArtifactDirectory}. The report must already be redacted: StepContext and ProcedureRunner
 * do that as they record.
 */
public final class ArtifactWriter {

    /** The files written, and the folder holding them. */
    public record Written(Path directory, Path reportJson, Path junitXml, Path summaryTxt) {

        public List<Path> files() {
            return List.of(reportJson, junitXml, summaryTxt);
        }

        /**
         * Archive path to path relative to {@code base}, '/'-separated: what Jenkins'
         * {@code ArtifactManager.archive} takes. Archive paths equal the relative paths, so the build's
         * artifacts read {@code xcat-ha/<procedure-id>/report.json} as in an {@code --out} folder.
         */
        public Map<String, String> relativeTo(Path base) {
            Map<String, String> map = new LinkedHashMap<>();
            for (Path file : files()) {
                String relative = base.relativize(file).toString().replace('\\', '/');
                map.put(relative, relative);
            }
            return map;
        }
    }

    private final JsonReportWriter json = new JsonReportWriter();
    private final JUnitReportWriter junit = new JUnitReportWriter();
    private final SummaryWriter summary = new SummaryWriter();

    /** Writes into {@code base/xcat-ha/<procedure-id>[-n]/}, taking the next free folder. */
    public Written write(Path base, ProcedureReport report) throws IOException {
        return writeInto(ArtifactDirectory.allocate(base, report.procedure()), report);
    }

    /** Writes into a folder the caller already chose. */
    public Written writeInto(Path directory, ProcedureReport report) throws IOException {
        Written written = new Written(directory, directory.resolve(JsonReportWriter.FILE_NAME),
                directory.resolve(JUnitReportWriter.FILE_NAME), directory.resolve(SummaryWriter.FILE_NAME));
        json.write(report, written.reportJson());
        junit.write(report, written.junitXml());
        summary.write(report, written.summaryTxt());
        return written;
    }
}
