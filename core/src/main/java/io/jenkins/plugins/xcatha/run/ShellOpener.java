package io.jenkins.plugins.xcatha.run;

import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;

/** Opens a shell on one node: connects, verifies the host key, authenticates. */
@FunctionalInterface
public interface ShellOpener {
    RemoteShell open() throws ShellException, InterruptedException;
}
