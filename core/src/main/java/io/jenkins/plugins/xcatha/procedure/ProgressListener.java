package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.report.StepResult;

/** Follows a run as it happens: the build log, a terminal status line. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    default void stepStarted(int index, int total, ProcedureStep step, String host) {
    }

    default void stepFinished(int index, int total, StepResult result) {
    }

    /** A line of output from a long command (a dump, a copy), as it arrives. */
    default void output(String host, String line) {
    }

    /** A note worth a line in the log (a retry, a host-key warning). */
    default void message(String text) {
    }
}
