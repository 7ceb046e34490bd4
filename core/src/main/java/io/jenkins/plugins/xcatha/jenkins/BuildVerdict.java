package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a procedure's report does to the build: FAILED steps fail it, WARNING steps make it unstable
 * ({@code failOnWarning}: fail it), and {@code reportOnly} leaves the build result alone whatever happened.
 *
 * @param buildResult the result to set on the build, or null to leave it unchanged
 * @param failure     a one-line message to fail the step with, or null to let the build go on
 */
public record BuildVerdict(Result buildResult, String failure) {

    public static BuildVerdict of(ProcedureReport report, boolean failOnWarning, boolean reportOnly) {
        Result result = report.result();
        if (reportOnly || result == Result.SUCCESS) {
            return new BuildVerdict(null, null);
        }
        if (result == Result.UNSTABLE && !failOnWarning) {
            return new BuildVerdict(Result.UNSTABLE, null);
        }
        return new BuildVerdict(Result.FAILURE, failureLine(report, result));
    }

    public boolean fails() {
        return failure != null;
    }

    private static String failureLine(ProcedureReport report, Result result) {
        if (report.aborted()) {
            return report.procedure() + " was aborted";
        }
        List<StepResult> culprits = report.steps().stream()
                .filter(s -> s.status() == (result == Result.FAILURE ? Status.FAILED : Status.WARNING))
                .collect(Collectors.toList());
        String kind = result == Result.FAILURE ? "failed" : "warned (failOnWarning)";
        StringBuilder line = new StringBuilder(report.procedure()).append(' ').append(kind).append(": ");
        for (int i = 0; i < culprits.size(); i++) {
            StepResult s = culprits.get(i);
            if (i > 0) {
                line.append("; ");
            }
            line.append(s.id());
            String first = firstLine(s.message());
            if (!first.isEmpty()) {
                line.append(" (").append(first).append(')');
            }
        }
        return line.toString();
    }

    private static String firstLine(String message) {
        String m = message.strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl).strip();
        return first.length() > 200 ? first.substring(0, 197) + "..." : first;
    }
}
