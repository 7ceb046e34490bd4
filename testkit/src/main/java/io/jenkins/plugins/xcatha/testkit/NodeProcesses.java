package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and signals the processes of one node. A node is exactly the set of processes in
 * its mount namespace: sshd's per-connection children call setsid(), so process groups
 * and parent links miss some of them, but none can leave the namespace.
 */
final class NodeProcesses {
    private NodeProcesses() {}

    /** The mount-namespace identity of a process, e.g. "mnt:[4026532301]", or null if it is gone. */
    static String mountNamespaceOf(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt")).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * PIDs of every live process of a node: in its mount namespace AND chrooted to its root.
     * The root check matters because the kernel reuses namespace numbers once a namespace
     * is gone, possibly for another run's node.
     */
    static List<Long> inNamespace(String mountNamespace, Path nodeRoot) {
        List<Long> pids = new ArrayList<>();
        for (long pid : inNamespace(mountNamespace)) {
            try {
                if (Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "root")).equals(nodeRoot)) pids.add(pid);
            } catch (IOException e) {
                // exited meanwhile
            }
        }
        return pids;
    }

    /** PIDs of every live process in the namespace (whatever its root). */
    private static List<Long> inNamespace(String mountNamespace) {
        List<Long> pids = new ArrayList<>();
        if (mountNamespace == null) return pids;
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : proc) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (mountNamespace.equals(mountNamespaceOf(pid)) && !isZombie(pid)) pids.add(pid);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pids;
    }

    /** "PID comm args" lines, for leak reports. */
    static List<String> describe(List<Long> pids) {
        List<String> out = new ArrayList<>();
        for (long pid : pids) {
            try {
                String cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
                out.add(pid + " " + cmd);
            } catch (IOException e) {
                // exited meanwhile
            }
        }
        return out;
    }

    static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    static boolean alive(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid))) && !isZombie(pid);
    }

    static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) return;
        List<String> argv = new ArrayList<>(List.of("kill", "-" + signal));
        for (long pid : pids) argv.add(Long.toString(pid));
        Shell.run(argv); // a process that exited meanwhile makes kill fail; that is fine
    }

    /** SIGKILLs every process of the namespace until none is left (sshd may fork meanwhile). */
    static void killAll(String mountNamespace, Path nodeRoot) {
        for (int round = 0; round < 50; round++) {
            List<Long> pids = inNamespace(mountNamespace, nodeRoot);
            if (pids.isEmpty()) return;
            signal("CONT", pids); // a stopped process would otherwise linger until SIGKILL is delivered... it is, but be explicit
            signal("KILL", pids);
            sleep(20);
        }
        throw new IllegalStateException("processes survive SIGKILL in " + mountNamespace + ": " + describe(inNamespace(mountNamespace, nodeRoot)));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
