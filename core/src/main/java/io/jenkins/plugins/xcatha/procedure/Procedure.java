package io.jenkins.plugins.xcatha.procedure;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of steps with a stable id ({@code standby-prepare}, {@code db-backup}), and optionally a
 * {@link Finaliser} that the runner calls after the last step whatever happened (release a lock).
 */
public record Procedure(String id, List<ProcedureStep> steps, Finaliser finaliser) {

    public Procedure(String id, List<ProcedureStep> steps) {
        this(id, steps, null);
    }

    public Procedure withFinaliser(Finaliser cleanup) {
        return new Procedure(id, steps, cleanup);
    }

    public Procedure {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
        Set<String> seen = new HashSet<>();
        for (ProcedureStep step : steps) {
            for (String dependency : step.dependsOn()) {
                if (!seen.contains(dependency)) {
                    throw new IllegalArgumentException("step " + step.id() + " depends on " + dependency
                            + ", which does not run before it");
                }
            }
            if (!seen.add(step.id())) {
                throw new IllegalArgumentException("step id " + step.id() + " appears twice");
            }
        }
    }
}
