package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.report.Status;
import java.util.Objects;

/** What a step concluded: a status and one message an administrator can act on. */
public record Outcome(Status status, String message) {

    public Outcome {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    public static Outcome ok(String message) {
        return new Outcome(Status.OK, message);
    }

    public static Outcome changed(String message) {
        return new Outcome(Status.CHANGED, message);
    }

    public static Outcome warning(String message) {
        return new Outcome(Status.WARNING, message);
    }

    public static Outcome failed(String message) {
        return new Outcome(Status.FAILED, message);
    }

    public static Outcome skipped(String message) {
        return new Outcome(Status.SKIPPED, message);
    }
}
