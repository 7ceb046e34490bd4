package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.report.CommandRecord;
import io.jenkins.plugins.xcatha.report.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a running step may use: the nodes, the mode, what earlier steps learned, and {@link #run}, which
 * records every command it runs for the report.
 */
public final class StepContext {
    private final Cluster cluster;
    private final Mode mode;
    private final Facts facts;
    private final Redactor redactor;
    private final ProgressListener progress;
    private final List<CommandRecord> commands = Collections.synchronizedList(new ArrayList<>());

    public StepContext(Cluster cluster, Mode mode, Facts facts, Redactor redactor, ProgressListener progress) {
        this.cluster = cluster;
        this.mode = mode;
        this.facts = facts;
        this.redactor = redactor;
        this.progress = progress;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Node primary() {
        return cluster.primary();
    }

    public Node standby() {
        return cluster.standby();
    }

    public Mode mode() {
        return mode;
    }

    public boolean checkMode() {
        return mode == Mode.CHECK;
    }

    public Facts facts() {
        return facts;
    }

    public Redactor redactor() {
        return redactor;
    }

    public ProgressListener progress() {
        return progress;
    }

    /** Runs a command on a node and records it (command, exit code, output, duration) for the report. */
    public CommandResult run(Node node, Command command) throws ShellException, InterruptedException {
        long start = System.nanoTime();
        try {
            CommandResult result = node.shell().run(command);
            record(CommandRecord.of(result));
            return result;
        } catch (ShellException e) {
            record(CommandRecord.notCompleted(node.name(), command.toShellLine(), elapsedMillis(start),
                    e.getMessage()));
            throw e;
        }
    }

    /**
     * Runs a command whose stdout may hold a secret (it is recorded as a byte count only). Prefer commands
     * that never print the secret at all.
     */
    public CommandResult runConfidential(Node node, Command command) throws ShellException, InterruptedException {
        long start = System.nanoTime();
        try {
            CommandResult result = node.shell().run(command);
            record(new CommandRecord(result.host(), result.commandLine(), result.exitCode(),
                    result.durationMillis(), "[" + result.stdout().length() + " characters not recorded]",
                    result.stderr()));
            return result;
        } catch (ShellException e) {
            record(CommandRecord.notCompleted(node.name(), command.toShellLine(), elapsedMillis(start),
                    e.getMessage()));
            throw e;
        }
    }

    private void record(CommandRecord record) {
        commands.add(new CommandRecord(record.host(), redactor.redact(record.command()), record.exitCode(),
                record.durationMs(), redactor.redact(record.stdout()), redactor.redact(record.stderr())));
    }

    List<CommandRecord> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
