package io.jenkins.plugins.xcatha.exec;

import java.util.Objects;

/** What a command did: its exit code, its (possibly capped) output and how long it took. */
public final class CommandResult {
    private final String host;
    private final String commandLine;
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final long stdoutDroppedBytes;
    private final long stderrDroppedBytes;
    private final long durationMillis;

    public CommandResult(String host, String commandLine, int exitCode, String stdout, String stderr,
                         long stdoutDroppedBytes, long stderrDroppedBytes, long durationMillis) {
        this.host = Objects.requireNonNull(host, "host");
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
        this.exitCode = exitCode;
        this.stdout = stdout == null ? "" : stdout;
        this.stderr = stderr == null ? "" : stderr;
        this.stdoutDroppedBytes = stdoutDroppedBytes;
        this.stderrDroppedBytes = stderrDroppedBytes;
        this.durationMillis = durationMillis;
    }

    public String host() {
        return host;
    }

    public String commandLine() {
        return commandLine;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    /** Bytes of stdout left out because the output exceeded the shell's cap (0 when complete). */
    public long stdoutDroppedBytes() {
        return stdoutDroppedBytes;
    }

    public long stderrDroppedBytes() {
        return stderrDroppedBytes;
    }

    public boolean truncated() {
        return stdoutDroppedBytes > 0 || stderrDroppedBytes > 0;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /** stdout and stderr together, for messages: stderr usually says why. */
    public String combinedOutput() {
        if (stderr.isBlank()) {
            return stdout.strip();
        }
        if (stdout.isBlank()) {
            return stderr.strip();
        }
        return stdout.strip() + "\n" + stderr.strip();
    }

    @Override
    public String toString() {
        return host + ": `" + commandLine + "` exit " + exitCode + " (" + durationMillis + " ms)";
    }
}
