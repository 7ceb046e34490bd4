package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The per-run directory /tmp/xcat-ha-sim/&lt;runId&gt;: everything a simulated cluster writes
 * on the host lives below it. The "owner" file names the JVM that made it, so a later run
 * can tell a dead run's leftovers from a run that is still going.
 */
final class RunDirectory {
    static final Path BASE = Path.of(System.getProperty("xcatha.testkit.base", "/tmp/xcat-ha-sim"));
    private static final String OWNER = "owner";
    /** Written into every node directory: the node's mount namespace, to find its processes later. */
    static final String NAMESPACE_FILE = "mntns";

    private RunDirectory() {}

    static Path create() {
        try {
            Files.createDirectories(BASE);
            Files.setPosixFilePermissions(BASE, PosixFilePermissions.fromString("rwx------"));
            cleanUpDeadRuns();
            Path dir = Files.createTempDirectory(BASE, "run");
            Files.writeString(dir.resolve(OWNER), ownerId(ProcessHandle.current()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory under " + BASE, e);
        }
    }

    /** "pid start-instant": the pair survives PID reuse. */
    private static String ownerId(ProcessHandle h) {
        return h.pid() + " " + h.info().startInstant().map(Object::toString).orElse("?");
    }

    private static boolean ownerAlive(Path runDir) {
        try {
            String[] owner = Files.readString(runDir.resolve(OWNER)).trim().split(" ", 2);
            return ProcessHandle.of(Long.parseLong(owner[0]))
                    .map(h -> ownerId(h).equals(owner[0] + " " + owner[1]))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            // no owner file yet: a run being created right now, or garbage; judge by age
            try {
                return Files.getLastModifiedTime(runDir).toMillis() > System.currentTimeMillis() - 60_000;
            } catch (IOException ex) {
                return false;
            }
        }
    }

    /** Kills the nodes and removes the directories of runs whose JVM is gone. */
    static void cleanUpDeadRuns() {
        if (!Files.isDirectory(BASE)) return;
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(BASE)) {
            for (Path run : runs) {
                if (run.getFileName().toString().startsWith("run") && Files.isDirectory(run) && !ownerAlive(run)) remove(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends every node process of the run, then deletes the directory. */
    static void remove(Path runDir) {
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(runDir)) {
            for (Path node : nodes) {
                Path ns = node.resolve(NAMESPACE_FILE);
                if (Files.isRegularFile(ns)) NodeProcesses.killAll(Files.readString(ns).trim(), node.resolve("root"));
            }
        } catch (IOException e) {
            // nothing to kill
        }
        unmountLeftovers(runDir);
        Shell.run("rm", "-rf", "--one-file-system", runDir.toString());
    }

    /**
     * Node mounts live in private namespaces and vanish with their processes; this only
     * matters if something mounted below the run directory in the host's namespace.
     */
    private static void unmountLeftovers(Path runDir) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                String mountPoint = lines.get(i).split(" ")[4];
                if (mountPoint.startsWith(runDir + "/")) Shell.run("umount", "-l", mountPoint);
            }
        } catch (IOException e) {
            // cannot read the mount table: rm --one-file-system still refuses to cross mounts
        }
    }
}
