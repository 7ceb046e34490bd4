package io.jenkins.plugins.xcatha.report;

import io.jenkins.plugins.xcatha.exec.CommandResult;

/**
 * A command a step ran, as reports show it. {@code exitCode} is null when the command could not be run
 * or did not finish (connection lost, timeout, abort); {@code stderr} then says why.
 */
public record CommandRecord(String host, String command, Integer exitCode, long durationMs, String stdout,
                            String stderr) {

    public static CommandRecord of(CommandResult result) {
        return new CommandRecord(result.host(), result.commandLine(), result.exitCode(), result.durationMillis(),
                withDropNote(result.stdout(), result.stdoutDroppedBytes()),
                withDropNote(result.stderr(), result.stderrDroppedBytes()));
    }

    public static CommandRecord notCompleted(String host, String command, long durationMs, String reason) {
        return new CommandRecord(host, command, null, durationMs, "", reason);
    }

    private static String withDropNote(String output, long dropped) {
        return dropped > 0 ? output + "\n[... " + dropped + " more bytes not kept]" : output;
    }
}
