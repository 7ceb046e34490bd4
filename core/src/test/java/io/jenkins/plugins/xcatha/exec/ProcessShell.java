package io.jenkins.plugins.xcatha.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs commands on this machine with sh under a node's name, as a management node's shell would, and
 * counts how often it was closed: for tests of the runner and the session that need no SSH.
 */
public final class ProcessShell implements RemoteShell {
    private final String host;
    private final AtomicInteger closed = new AtomicInteger();

    public ProcessShell(String host) {
        this.host = host;
    }

    @Override
    public String target() {
        return host;
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder("sh", "-c", command.toShellLine()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            return new CommandResult(host, command.toShellLine(), exit, out, err, 0, 0,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new ShellException(host, ShellException.Phase.COMMAND, e.getMessage(), e);
        }
    }

    /** How often {@link #close()} was called. */
    public int closed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.incrementAndGet();
    }
}
