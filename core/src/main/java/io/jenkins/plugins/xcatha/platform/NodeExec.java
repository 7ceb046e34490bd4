package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;

/** Runs a command on one node (a procedure passes its recording runner, so every command is reported). */
@FunctionalInterface
public interface NodeExec {
    CommandResult run(Command command) throws ShellException, InterruptedException;
}
