package io.jenkins.plugins.xcatha.report;

import java.util.List;
import java.util.Objects;

/** The result of one procedure step on one host (or "both"), with every command it ran. */
public record StepResult(String id, String title, String host, Status status, String message, long durationMs,
                         List<CommandRecord> commands) {

    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        host = host == null ? "" : host;
        message = message == null ? "" : message;
        commands = List.copyOf(commands);
    }

    public StepResult withStatus(Status newStatus, String newMessage) {
        return new StepResult(id, title, host, newStatus, newMessage, durationMs, commands);
    }
}
