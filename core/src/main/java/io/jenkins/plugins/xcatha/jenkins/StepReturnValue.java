package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The map a Pipeline step returns: {@code result} (SUCCESS, UNSTABLE, FAILURE), {@code steps} (step id to
 * status name, in procedure order), {@code artifacts} (the build-relative folder holding report.json,
 * junit.xml and summary.txt), {@code procedure}, {@code mode} and {@code aborted}. Only Strings, Booleans
 * and Maps, so a Jenkinsfile can keep it in a variable across restarts. Procedures that name backups add them:
 * {@code backup} (the backup db-backup took), {@code restoredBackup} and {@code safetyBackup} (db-restore: what was
 * put back, and the backup that undoes it).
 */
public final class StepReturnValue {

    private StepReturnValue() {
    }

    public static Map<String, Object> of(ProcedureReport report, String artifactFolder) {
        return of(report, artifactFolder, Map.of());
    }

    public static Map<String, Object> of(ProcedureReport report, String artifactFolder, Map<String, String> names) {
        Map<String, Object> steps = new LinkedHashMap<>();
        for (Map.Entry<String, Status> e : report.statuses().entrySet()) {
            steps.put(e.getKey(), e.getValue().name());
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("result", report.result().name());
        value.put("steps", steps);
        value.put("artifacts", artifactFolder);
        value.put("procedure", report.procedure());
        value.put("mode", report.mode().id());
        value.put("aborted", report.aborted());
        value.putAll(names);
        return value;
    }
}
