package io.jenkins.plugins.xcatha.exec;

/**
 * Runs commands on one node. Implementations keep one connection for every command of a procedure and
 * may be used by several threads at once. {@link #close()} may be called from another thread to abort
 * a running command (a Jenkins abort): the command then fails with {@link ShellException.Phase#CANCELLED}.
 */
public interface RemoteShell extends CommandRunner, AutoCloseable {

    /** How messages name this node, e.g. {@code root@mn2:22}. */
    String target();

    /**
     * Runs the command and waits for it. A non-zero exit is a normal result, not an exception; exceptions
     * mean the command could not be run or finished (connection, authentication, timeout, cancellation).
     */
    @Override
    CommandResult run(Command command) throws ShellException, InterruptedException;

    @Override
    void close();
}
