package io.jenkins.plugins.xcatha.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.backup.DbBackup;
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellQuoting;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.report.CommandRecord;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.StepResult;
import io.jenkins.plugins.xcatha.run.Shells;
import io.jenkins.plugins.xcatha.run.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The db-backup measurement, in its own JVM so that its heap limit ({@code -Xmx64m}) is the product's,
 * not the harness's. Per repetition, side by side on the same node and the same dump: db-backup with
 * collect through the engine, then {@code ssh host tar -C DIR -cf - . | cat > file}, optionally also
 * In the first repetition only, the references that explain the gap: {@code ssh host 'tar ... | gzip -c' > file}
 * (collect's node side without the Java side), the same with {@code gzip -1}, and the plain tar streamed
 * through the product's own shell. Prints one JSON
 * line per repetition on stdout; progress goes to stderr.
 *
 * <p>Arguments: ADDRESS KEY_FILE KNOWN_HOSTS TRANSPORT REPETITIONS WORK_DIR GZIP_REFERENCE(true|false)
 */
public final class BackupChild {
    private BackupChild() {
    }

    public static void main(String[] args) throws Exception {
        String address = args[0];
        Path key = Path.of(args[1]);
        Path knownHosts = Path.of(args[2]);
        Transport transport = Transport.valueOf(args[3].toUpperCase(Locale.ROOT));
        int reps = Integer.parseInt(args[4]);
        Path work = Files.createDirectories(Path.of(args[5]));
        boolean gzipReference = Boolean.parseBoolean(args[6]);
        ObjectMapper json = new ObjectMapper();
        Shells shells = new Shells(transport, SshCredentials.identityFile("root", key, null),
                new KnownHostsFileVerification(knownHosts), Lab.SETTINGS);
        List<String> ssh = List.of("ssh", "-i", key.toString(), "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
                "-o", "KexAlgorithms=curve25519-sha256", "-o", "LogLevel=ERROR", "-p", "22", "root@" + address);
        for (int rep = 0; rep < reps; rep++) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rep", rep);
            out.put("maxHeap", HeapWatch.maxHeapBytes());
            Path collectDir = Files.createDirectories(work.resolve("collect-" + rep));
            DbBackupOptions options = DbBackupOptions.builder().keep(1).collectInto(collectDir).build();
            Facts facts = new Facts();
            ProcedureReport report;
            long liveBefore = HeapWatch.liveHeapNow();
            RemoteShell shell = shells.opener(new HostAndPort(address, 22)).open();
            try (HeapWatch heap = new HeapWatch()) {
                long start = System.nanoTime();
                report = new ProcedureRunner().run(DbBackup.procedure(options),
                        Cluster.single(new Node(Node.Role.PRIMARY, address, shell)), Mode.APPLY, ProgressListener.NONE,
                        facts, new Redactor());
                out.put("procedureMs", (System.nanoTime() - start) / 1_000_000);
                out.put("heapLiveBefore", liveBefore);
                out.put("heapSampledPeak", heap.sampledPeakBytes());
                out.put("heapPoolPeaks", HeapWatch.poolPeaksBytes());
                out.put("heapAfterGcPeak", heap.afterGcPeakBytes());
                out.put("gcCount", heap.collections());
            } finally {
                shell.close();
            }
            out.put("result", report.result().name());
            Map<String, Long> steps = new LinkedHashMap<>();
            for (StepResult s : report.steps()) {
                steps.put(s.id(), s.durationMs());
                if (s.status() == io.jenkins.plugins.xcatha.report.Status.FAILED) {
                    out.put("failure", s.id() + ": " + s.message());
                }
            }
            out.put("steps", steps);
            StepResult collect = report.step(DbBackup.COLLECT).orElseThrow();
            out.put("collectMs", collect.durationMs());
            out.put("collectStreamMs", collect.commands().stream().filter(c -> c.command().contains("tar -cf"))
                    .mapToLong(CommandRecord::durationMs).sum());
            Path archive = facts.get(DbBackup.COLLECTED_ARCHIVE).orElse(null);
            out.put("archiveBytes", archive == null ? -1 : Files.size(archive));
            String backupPath = facts.get(DbBackup.BACKUP_PATH).orElse(null);
            if (backupPath != null) {
                Path tarFile = work.resolve("tar-" + rep + ".tar");
                long tarMs = pipe(ssh, "tar -C " + ShellQuoting.quote(backupPath) + " -cf - .", tarFile);
                out.put("tarMs", tarMs);
                out.put("tarBytes", Files.size(tarFile));
                Files.delete(tarFile);
                if (gzipReference && rep == 0) {
                    // The same plain tar streamed through the product's shell on an open connection: what the
                    // transport itself can carry, without collect's gzip and archive check.
                    Path engineTar = work.resolve("engine-" + rep + ".tar");
                    RemoteShell streamer = shells.opener(new HostAndPort(address, 22)).open();
                    try (OutputStream sink = Files.newOutputStream(engineTar)) {
                        long start = System.nanoTime();
                        CommandResult r = streamer.run(Command.shell("tar -C \"$1\" -cf - .", backupPath)
                                .streamingStdoutTo(sink).withTimeout(Duration.ofMinutes(30)));
                        out.put("engineTarMs", (System.nanoTime() - start) / 1_000_000);
                        out.put("engineTarExit", r.exitCode());
                    } finally {
                        streamer.close();
                    }
                    out.put("engineTarBytes", Files.size(engineTar));
                    Files.delete(engineTar);
                    Path gzFile = work.resolve("tar-" + rep + ".tar.gz");
                    String dir = backupPath.substring(0, backupPath.lastIndexOf('/'));
                    String name = backupPath.substring(backupPath.lastIndexOf('/') + 1);
                    out.put("tarGzipMs", pipe(ssh, "cd " + ShellQuoting.quote(dir) + " && tar -cf - "
                            + ShellQuoting.join(List.of(name + ".sha256", name + ".json", name)) + " | gzip -c", gzFile));
                    out.put("tarGzipBytes", Files.size(gzFile));
                    Files.delete(gzFile);
                    out.put("tarGzip1Ms", pipe(ssh, "cd " + ShellQuoting.quote(dir) + " && tar -cf - "
                            + ShellQuoting.join(List.of(name + ".sha256", name + ".json", name)) + " | gzip -1 -c", gzFile));
                    out.put("tarGzip1Bytes", Files.size(gzFile));
                    Files.delete(gzFile);
                }
            }
            deleteTree(collectDir);
            System.out.println(json.writeValueAsString(out));
            System.out.flush();
            System.err.println("rep " + (rep + 1) + "/" + reps + ": db-backup " + report.result() + " in "
                    + out.get("procedureMs") + " ms, collect " + out.get("collectMs") + " ms, tar pipe "
                    + out.get("tarMs") + " ms" + (out.containsKey("tarGzipMs") ? ", engine plain tar stream " + out.get("engineTarMs")
                    + " ms, tar|gzip pipe " + out.get("tarGzipMs") + " ms, tar|gzip -1 pipe "
                    + out.get("tarGzip1Ms") + " ms" : "")
                    + ", heap after-GC peak " + mib((Long) out.get("heapAfterGcPeak")) + " of " + mib(HeapWatch.maxHeapBytes()));
            System.err.flush();
        }
    }

    /** {@code ssh host REMOTE | cat > file}, as an operator's shell would run it; returns milliseconds. */
    private static long pipe(List<String> ssh, String remote, Path file) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(ssh);
        argv.add(remote);
        String line = ShellQuoting.join(argv) + " | cat > " + ShellQuoting.quote(file.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("failed: " + line);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
