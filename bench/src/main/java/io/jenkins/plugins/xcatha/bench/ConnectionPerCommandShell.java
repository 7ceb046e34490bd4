package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.trilead.TrileadShell;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What a generic "SSH step" does: connect, authenticate, run one command, disconnect. Same engine, same
 * Trilead client, but a handshake for every command instead of one per node.
 */
final class ConnectionPerCommandShell implements RemoteShell {
    private final Supplier<TrileadShell> connections;
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile String target = "(not connected yet)";

    ConnectionPerCommandShell(Supplier<TrileadShell> connections) {
        this.connections = connections;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        TrileadShell shell = connections.get();
        try {
            target = shell.target();
            shell.connect();
            handshakes.incrementAndGet();
            return shell.run(command);
        } finally {
            shell.close();
        }
    }

    int handshakes() {
        return handshakes.get();
    }

    @Override
    public void close() {
        // every connection is closed after its command
    }
}
