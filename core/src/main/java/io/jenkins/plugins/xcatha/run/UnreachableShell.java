package io.jenkins.plugins.xcatha.run;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;

/**
 * Stands in for a node that could not be connected to: every command fails with the reason the connection
 * failed. The procedure still runs, so its preflight reports the failure like any other finding, the later
 * steps are SKIPPED, and the artifacts are written.
 */
final class UnreachableShell implements RemoteShell {
    private final String target;
    private final ShellException why;

    UnreachableShell(String target, ShellException why) {
        this.target = target;
        this.why = why;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public CommandResult run(Command command) throws ShellException {
        throw new ShellException(why.target(), why.phase(), detail(why), why);
    }

    /** The cause without the "target: phase failed: " prefix that the new exception adds again. */
    static String detail(ShellException e) {
        String prefix = e.target() + ": " + e.phase().label() + " failed: ";
        String message = e.getMessage();
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    @Override
    public void close() {
    }
}
