package io.jenkins.plugins.xcatha.exec;

/**
 * Runs one command on one node: a {@link RemoteShell}, or a procedure step's recording runner
 * ({@code command -> context.run(node, command)}) so that every command lands in the step's report.
 */
@FunctionalInterface
public interface CommandRunner {
    /** Runs the command and waits for it; a non-zero exit is a result, not an exception. */
    CommandResult run(Command command) throws ShellException, InterruptedException;
}
