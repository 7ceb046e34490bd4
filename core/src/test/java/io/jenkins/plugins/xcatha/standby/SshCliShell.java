package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * TEST ONLY: a minimal RemoteShell over the system {@code ssh} client (one process per command, host keys
 * checked against the given known_hosts), until the exec layer's OpenSshShell/TrileadShell is on main.
 */
final class SshCliShell implements RemoteShell {
    private final String address;
    private final int port;
    private final Path identity;
    private final Path knownHosts;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SshCliShell(String address, int port, Path identity, Path knownHosts) {
        this.address = address;
        this.port = port;
        this.identity = identity;
        this.knownHosts = knownHosts;
    }

    @Override
    public String target() {
        return "root@" + address + ":" + port;
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        if (closed) {
            throw new ShellException(target(), ShellException.Phase.CANCELLED, "the shell is closed");
        }
        String line = command.toShellLine();
        List<String> argv = List.of("ssh", "-q", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "IdentitiesOnly=yes", "-i", identity.toString(),
                "-p", Integer.toString(port), "-l", "root", address, "--", line);
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new ShellException(target(), ShellException.Phase.CONNECT, e.getMessage(), e);
        }
        running.add(p);
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (OutputStream stdin = p.getOutputStream()) {
                if (command.hasStdin()) {
                    stdin.write(command.stdin());
                }
            } catch (IOException ignored) {
                // the command did not read its input; its exit code tells the rest
            }
            long limit = command.timeout() == null ? 120 : command.timeout().toSeconds();
            if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ShellException(target(), ShellException.Phase.TIMEOUT, "`" + line + "` ran over " + limit + " s");
            }
            if (closed) {
                throw new ShellException(target(), ShellException.Phase.CANCELLED, "closed while `" + line + "` ran");
            }
            int rc = p.exitValue();
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (rc == 255) {
                throw new ShellException(target(), ShellException.Phase.CONNECT, stderr.strip());
            }
            return new CommandResult(address, line, rc, new String(out.join(), StandardCharsets.UTF_8), stderr, 0, 0,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        } finally {
            running.remove(p);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public void close() {
        closed = true;
        running.forEach(Process::destroyForcibly);
    }
}
