package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports as a procedure run would produce them, for the tests of what the plugin makes of them. */
final class Reports {
    private Reports() {
    }

    /** {@code steps}: alternating step id and status, e.g. {@code "preflight", OK, "dump", FAILED}. */
    static ProcedureReport of(String procedure, boolean aborted, Object... steps) {
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < steps.length; i += 2) {
            String id = (String) steps[i];
            Status status = (Status) steps[i + 1];
            results.add(new StepResult(id, "title of " + id, "mn1", status,
                    status == Status.OK ? "" : id + " says " + status.name().toLowerCase(java.util.Locale.ROOT)
                            + "\nsecond line", 1500, List.of()));
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("primary", "mn1");
        return new ProcedureReport(procedure, Mode.APPLY, Instant.parse("2026-11-25T10:00:00Z"), 4200, hosts,
                results, aborted);
    }
}
