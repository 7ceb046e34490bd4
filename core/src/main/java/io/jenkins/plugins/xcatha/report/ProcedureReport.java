package io.jenkins.plugins.xcatha.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything one run of a procedure did. {@code hosts} maps a role (primary, standby) to the host as the
 * user named it. {@code aborted}: the run was stopped midway (the steps not reached are SKIPPED).
 */
public record ProcedureReport(String procedure, Mode mode, Instant startedAt, long durationMs,
                              Map<String, String> hosts, List<StepResult> steps, boolean aborted) {

    public static final String SCHEMA = "xcat-ha/report/v1";

    public ProcedureReport {
        hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        steps = List.copyOf(steps);
    }

    public Result result() {
        if (aborted) {
            return Result.FAILURE;
        }
        return Result.of(steps.stream().map(StepResult::status).collect(Collectors.toList()));
    }

    public Optional<StepResult> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Step id to status, in procedure order: what a Jenkinsfile branches on. */
    public Map<String, Status> statuses() {
        Map<String, Status> map = new LinkedHashMap<>();
        for (StepResult s : steps) {
            map.put(s.id(), s.status());
        }
        return map;
    }
}
