package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run on an agent sends back to the controller: the decisions already taken from the report
 * (the Jenkins result, the failure line, the map a Pipeline step returns) and the artifacts to archive
 * (archive path to workspace-relative path). Serializable, and free of secrets like the report itself.
 */
public final class RunOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String result;
    private final String buildResult;
    private final String failure;
    private final boolean aborted;
    private final LinkedHashMap<String, Object> returnValue;
    private final LinkedHashMap<String, String> artifacts;

    private RunOutcome(ProcedureReport report, BuildVerdict verdict, Map<String, Object> returnValue,
                       Map<String, String> artifacts) {
        this.result = report.result().name();
        this.buildResult = verdict.buildResult() == null ? null : verdict.buildResult().name();
        this.failure = verdict.failure();
        this.aborted = report.aborted();
        this.returnValue = new LinkedHashMap<>(returnValue);
        this.artifacts = new LinkedHashMap<>(artifacts);
    }

    /**
     * @param artifactFolder workspace-relative folder of the invocation, e.g. {@code xcat-ha/db-backup-2}
     * @param artifacts      archive path to workspace-relative path of every file written
     */
    public static RunOutcome of(ProcedureReport report, boolean failOnWarning, boolean reportOnly,
                                String artifactFolder, Map<String, String> artifacts) {
        return of(report, failOnWarning, reportOnly, artifactFolder, artifacts, Map.of());
    }

    /** @param names backups the run named, for the returned map ({@link StepReturnValue}) */
    public static RunOutcome of(ProcedureReport report, boolean failOnWarning, boolean reportOnly,
                                String artifactFolder, Map<String, String> artifacts, Map<String, String> names) {
        return new RunOutcome(report, BuildVerdict.of(report, failOnWarning, reportOnly),
                StepReturnValue.of(report, artifactFolder, names), artifacts);
    }

    /** SUCCESS, UNSTABLE or FAILURE, whatever reportOnly says. */
    public String result() {
        return result;
    }

    /** The Jenkins result to set (UNSTABLE or FAILURE), or null to leave the build alone. */
    public String buildResult() {
        return buildResult;
    }

    /** A one-line message to fail the step with, or null. */
    public String failure() {
        return failure;
    }

    public boolean aborted() {
        return aborted;
    }

    /** The map a Pipeline step returns (a fresh copy). */
    public Map<String, Object> returnValue() {
        return copy(returnValue);
    }

    public Map<String, String> artifacts() {
        return new LinkedHashMap<>(artifacts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            copy.put(e.getKey(), v instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : v);
        }
        return copy;
    }
}
