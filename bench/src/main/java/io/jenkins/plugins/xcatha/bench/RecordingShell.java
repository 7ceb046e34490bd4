package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.ShellQuoting;
import io.jenkins.plugins.xcatha.procedure.Node;
import java.util.List;

/**
 * Passes every command on to the real shell and notes it, with its stdin, so that the one-ssh-per-command
 * script can replay exactly what the procedure did. The report's CommandRecords hold the same lines, but
 * redacted and without stdin.
 */
final class RecordingShell implements RemoteShell {
    private final Node.Role role;
    private final RemoteShell shell;
    private final List<RecordedCommand> log;

    RecordingShell(Node.Role role, RemoteShell shell, List<RecordedCommand> log) {
        this.role = role;
        this.shell = shell;
        this.log = log;
    }

    @Override
    public String target() {
        return shell.target();
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        long start = System.nanoTime();
        int exit = -1;
        try {
            CommandResult result = shell.run(command);
            exit = result.exitCode();
            return result;
        } finally {
            log.add(new RecordedCommand(role, ShellQuoting.commandLine(command),
                    command.hasStdin() ? command.stdin() : null, exit, (System.nanoTime() - start) / 1_000_000));
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
