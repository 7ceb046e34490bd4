package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.OutputLineListener;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * TEST ONLY: a RemoteShell over the system ssh client (one process per command), used until the product's
 * OpenSshShell/TrileadShell reach main. Real SSH to the testkit's real sshd; argv quoted by the product's
 * ShellQuoting through {@link Command#toShellLine()}.
 */
final class SshCliTestShell implements RemoteShell {
    private final String target;
    private final Function<String, List<String>> sshArgv;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code sshArgv} turns a remote command line into the full ssh argv. */
    SshCliTestShell(String target, Function<String, List<String>> sshArgv) {
        this.target = target;
        this.sshArgv = sshArgv;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        if (closed) {
            throw new ShellException(target, ShellException.Phase.CANCELLED, "the shell is closed");
        }
        String line = command.toShellLine();
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(sshArgv.apply(line)).start();
        } catch (IOException e) {
            throw new ShellException(target, ShellException.Phase.CONNECT, e.getMessage(), e);
        }
        running.add(p);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            OutputStream stdoutSink = command.stdoutSink() != null ? command.stdoutSink() : out;
            boolean streaming = command.stdoutSink() != null;
            Thread o = pump(p.getInputStream(), stdoutSink, streaming ? null : command.lineListener(),
                    OutputLineListener.Stream.STDOUT);
            Thread e = pump(p.getErrorStream(), err, command.lineListener(), OutputLineListener.Stream.STDERR);
            try (OutputStream stdin = p.getOutputStream()) {
                if (command.hasStdin()) {
                    stdin.write(command.stdin());
                }
            } catch (IOException ignored) {
                // the command did not read its input
            }
            long timeoutMs = command.timeout() == null ? 600_000 : command.timeout().toMillis();
            try {
                if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new ShellException(target, ShellException.Phase.TIMEOUT, "`" + line + "` did not finish"
                            + " within " + timeoutMs + " ms");
                }
            } catch (InterruptedException ie) {
                p.destroyForcibly();
                throw ie;
            }
            o.join();
            e.join();
            if (closed) {
                throw new ShellException(target, ShellException.Phase.CANCELLED, "closed while running");
            }
            int rc = p.exitValue();
            if (rc == 255) {
                throw new ShellException(target, ShellException.Phase.CONNECT, err.toString(StandardCharsets.UTF_8));
            }
            return new CommandResult(target, line, rc, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), 0, 0, (System.nanoTime() - start) / 1_000_000);
        } finally {
            running.remove(p);
        }
    }

    private static Thread pump(InputStream in, OutputStream sink, OutputLineListener listener,
                               OutputLineListener.Stream stream) {
        Thread t = new Thread(() -> {
            try {
                if (listener == null) {
                    in.transferTo(sink);
                    return;
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String l;
                while ((l = reader.readLine()) != null) {
                    sink.write((l + "\n").getBytes(StandardCharsets.UTF_8));
                    listener.onLine(stream, l);
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "ssh-test-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        closed = true;
        for (Process p : new ArrayList<>(running)) {
            p.destroyForcibly();
        }
    }
}
