package io.jenkins.plugins.xcatha.testkit;

/** Outcome of a command run on a simulated node. */
public final class ExecResult {
    private final int exitCode;
    private final String stdout;
    private final String stderr;

    public ExecResult(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public int exitCode() { return exitCode; }
    public String stdout() { return stdout; }
    public String stderr() { return stderr; }
    public boolean succeeded() { return exitCode == 0; }

    /** Throws with both streams in the message unless the exit code is 0; returns stdout. */
    public String stdoutOrThrow() {
        if (exitCode != 0) throw new IllegalStateException("exit " + exitCode + ": " + stderr + stdout);
        return stdout;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
