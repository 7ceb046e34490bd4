package io.jenkins.plugins.xcatha.exec.local;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandStreams;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.ShellException.Phase;
import io.jenkins.plugins.xcatha.exec.ShellQuoting;
import io.jenkins.plugins.xcatha.exec.ShellSettings;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs commands on the machine this code runs on: a Jenkins agent that is itself the management node.
 * The command line is the one the SSH shells send ({@code sh -c} + {@link ShellQuoting#commandLine}), so
 * quoting, environment and working directory mean the same everywhere. An optional prefix (such as
 * {@code nsenter ... chroot DIR}) runs the commands inside another root. A timeout or an abort kills the
 * command's whole process tree.
 */
public final class LocalShell implements RemoteShell {
    private final String name;
    private final List<String> prefix;
    private final ShellSettings settings;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public LocalShell() {
        this("localhost", List.of(), ShellSettings.defaults());
    }

    public LocalShell(ShellSettings settings) {
        this("localhost", List.of(), settings);
    }

    /**
     * @param name   how messages name this machine
     * @param prefix argv put in front of {@code sh -c LINE}, e.g. a namespace or chroot wrapper
     */
    public LocalShell(String name, List<String> prefix, ShellSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.prefix = List.copyOf(prefix);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String target() {
        return name;
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        String line = ShellQuoting.commandLine(command);
        if (closed) {
            throw new ShellException(name, Phase.CANCELLED, "the shell was closed before `" + line + "` ran");
        }
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(List.of("sh", "-c", line));
        Duration timeout = settings.timeoutFor(command);
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new ShellException(name, Phase.COMMAND, "cannot start `" + line + "`: " + e.getMessage(), e);
        }
        running.add(process);
        try {
            CommandStreams streams = CommandStreams.start(command, settings, process.getInputStream(),
                    process.getErrorStream(), process.getOutputStream());
            boolean finished;
            try {
                finished = streams.awaitDrained(timeout.toNanos() - (System.nanoTime() - start))
                        && process.waitFor(Math.max(0, timeout.toNanos() - (System.nanoTime() - start)),
                        java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                killTree(process);
                throw e;
            }
            if (!finished) {
                killTree(process);
                streams.awaitDrained(settings.killGrace().toNanos());
                if (closed) {
                    throw cancelled(line);
                }
                throw new ShellException(name, Phase.TIMEOUT, "`" + line + "` did not finish within "
                        + timeout.toSeconds() + " s; its processes were killed");
            }
            if (closed && process.exitValue() != 0) {
                throw cancelled(line);
            }
            if (streams.failure() != null) {
                throw new ShellException(name, Phase.COMMAND, "reading the output of `" + line + "` failed: "
                        + streams.failure().getMessage(), streams.failure());
            }
            return streams.result(name, line, process.exitValue(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            running.remove(process);
        }
    }

    private ShellException cancelled(String line) {
        return new ShellException(name, Phase.CANCELLED, "`" + line + "` was aborted; its processes were killed");
    }

    private static void killTree(Process process) {
        // Frozen first, round by round until no new child shows: a process still forking would otherwise leave a
        // child that the snapshot of descendants missed, re-parented to init (out of reach) once its parent dies.
        Set<Long> frozen = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            List<Long> pids = new ArrayList<>();
            pids.add(process.pid());
            process.descendants().forEach(p -> pids.add(p.pid()));
            pids.removeAll(frozen);
            if (pids.isEmpty()) {
                break;
            }
            signal("STOP", pids);
            frozen.addAll(pids);
        }
        // Children first: once the parent dies they are re-parented and no longer reachable from it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** kill(1) rather than a JDK call: the JDK sends only TERM and KILL. Best effort: a process may be gone. */
    private static void signal(String signal, List<Long> pids) {
        List<String> argv = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> argv.add(Long.toString(p)));
        try {
            Process kill = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // no kill(1): the snapshot below is the best that can be done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills every running command (they fail as cancelled) and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        for (Process p : running) {
            killTree(p);
        }
    }

    @Override
    public String toString() {
        return "LocalShell[" + name + "]";
    }
}
