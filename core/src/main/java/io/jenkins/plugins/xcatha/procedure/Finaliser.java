package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.util.List;

/**
 * Cleanup a procedure needs whatever its steps did: after a failed step, an exception, or an abort
 * (a lock taken in preflight must not outlive the run). The runner calls it once after the last step,
 * with the thread's interrupt cleared for the duration so that it can still reach the node; its commands
 * are recorded with the last step.
 */
@FunctionalInterface
public interface Finaliser {

    void finish(StepContext context, List<StepResult> results) throws ShellException, InterruptedException;
}
