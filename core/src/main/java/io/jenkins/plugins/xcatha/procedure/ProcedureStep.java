package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.exec.ShellException;
import java.util.Set;

/**
 * One step of a procedure. It reads the state first and acts only when the state differs from what it
 * establishes; in check mode it never acts and says what it would do (status CHANGED).
 */
public interface ProcedureStep {

    /** The stable step id (reports, dashboards and Jenkinsfiles use it). */
    String id();

    String title();

    /** The host(s) this step concerns, for the report: a node name, or "a, b" for both. */
    String host(Cluster cluster);

    /** Steps whose failure makes this one pointless or unsafe: it is then SKIPPED, naming them. */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /**
     * Runs the step. A {@link ShellException} (connection lost, timeout) makes it FAILED with that
     * message; an {@link InterruptedException} aborts the whole procedure.
     */
    Outcome run(StepContext context) throws ShellException, InterruptedException;
}
