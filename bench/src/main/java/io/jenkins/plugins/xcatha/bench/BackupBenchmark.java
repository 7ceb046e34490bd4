package io.jenkins.plugins.xcatha.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * db-backup with collect on a database of growing size: collect's throughput against tar over ssh on the
 * same dump, and the heap of the JVM doing it (a child JVM started with a small -Xmx).
 */
final class BackupBenchmark {
    /** One database size: every repetition's JSON line from the child. */
    record SizeResult(long megabytes, long databaseBytes, String heapLimit, String transport, List<JsonNode> reps) {
        Stats collectMbPerS() {
            return Stats.of(reps.stream().map(r -> mb(r.get("tarBytes").asLong()) / (r.get("collectMs").asLong() / 1000.0))
                    .toList());
        }

        Stats collectStreamMbPerS() {
            return Stats.of(reps.stream().map(r -> mb(r.get("tarBytes").asLong())
                    / (Math.max(1, r.get("collectStreamMs").asLong()) / 1000.0)).toList());
        }

        Stats tarMbPerS() {
            return Stats.of(reps.stream().map(r -> mb(r.get("tarBytes").asLong()) / (r.get("tarMs").asLong() / 1000.0))
                    .toList());
        }

        Stats tarGzipMbPerS() {
            List<Double> v = reps.stream().filter(r -> r.has("tarGzipMs"))
                    .map(r -> mb(r.get("tarBytes").asLong()) / (r.get("tarGzipMs").asLong() / 1000.0)).toList();
            return v.isEmpty() ? null : Stats.of(v);
        }

        Stats engineTarMbPerS() {
            List<Double> v = reps.stream().filter(r -> r.has("engineTarMs")).map(r -> mb(r.get("engineTarBytes").asLong())
                    / (Math.max(1, r.get("engineTarMs").asLong()) / 1000.0)).toList();
            return v.isEmpty() ? null : Stats.of(v);
        }

        Stats tarGzip1MbPerS() {
            List<Double> v = reps.stream().filter(r -> r.has("tarGzip1Ms"))
                    .map(r -> mb(r.get("tarBytes").asLong()) / (r.get("tarGzip1Ms").asLong() / 1000.0)).toList();
            return v.isEmpty() ? null : Stats.of(v);
        }

        /** collect / tar pipe, per repetition (side by side), then the median of the ratios. */
        Stats ratio() {
            return Stats.of(reps.stream().map(r -> (double) r.get("tarMs").asLong() / r.get("collectMs").asLong())
                    .toList());
        }

        Stats procedureMs() {
            return Stats.of(reps.stream().map(r -> r.get("procedureMs").asLong()).toList());
        }

        long heapAfterGcPeakMax() {
            return reps.stream().mapToLong(r -> r.get("heapAfterGcPeak").asLong()).max().orElse(-1);
        }

        long heapSampledPeakMax() {
            return reps.stream().mapToLong(r -> r.get("heapSampledPeak").asLong()).max().orElse(-1);
        }

        long heapPoolPeaksMax() {
            return reps.stream().mapToLong(r -> r.get("heapPoolPeaks").asLong()).max().orElse(-1);
        }

        boolean allSucceeded() {
            return reps.stream().allMatch(r -> "SUCCESS".equals(r.get("result").asText()));
        }

        double compressionRatio() {
            JsonNode r = reps.get(0);
            return (double) r.get("tarBytes").asLong() / r.get("archiveBytes").asLong();
        }

        static double mb(long bytes) {
            return bytes / 1e6;
        }
    }

    private final List<Long> sizesMb;
    private final int smallReps;
    private final int largeReps;
    private final String heapLimit;
    private final String transport;
    private final Path workDir;
    private final Path logDir;

    BackupBenchmark(List<Long> sizesMb, int smallReps, int largeReps, String heapLimit, String transport, Path workDir,
                    Path logDir) {
        this.logDir = logDir;
        this.sizesMb = sizesMb;
        this.smallReps = smallReps;
        this.largeReps = largeReps;
        this.heapLimit = heapLimit;
        this.transport = transport;
        this.workDir = workDir;
    }

    List<SizeResult> run() throws IOException, InterruptedException {
        List<SizeResult> results = new ArrayList<>();
        try (SimulatedCluster cluster = SimulatedCluster.start(NodeSpec.node("primary"))) {
            SimulatedNode node = cluster.primary();
            for (long mb : sizesMb) {
                long start = System.nanoTime();
                long bytes = SyntheticDatabase.grow(node.stateDir().resolve("db"), mb * 1_000_000L);
                Progress.line(String.format(java.util.Locale.ROOT, "db-backup %d MB: database grown to %.1f MB in %.1f s",
                        mb, bytes / 1e6, (System.nanoTime() - start) / 1e9));
                int reps = mb >= 1000 ? largeReps : smallReps;
                List<JsonNode> lines = child(cluster, node, reps, workDir.resolve("backup-" + mb), mb);
                results.add(new SizeResult(mb, bytes, heapLimit, transport, lines));
            }
        }
        return results;
    }

    private List<JsonNode> child(SimulatedCluster cluster, SimulatedNode node, int reps, Path dir, long mb)
            throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> argv = List.of(java, "-Xmx" + heapLimit, "-Xlog:gc:file=" + logDir.resolve("gc-backup-" + mb + "MB.log"),
                "-cp", classpath, BackupChild.class.getName(), node.address(),
                cluster.clientKey().privateKeyFile().toString(), cluster.knownHostsFile().toString(), transport,
                Integer.toString(reps), dir.toString(), "true");
        Process p = new ProcessBuilder(argv).start();
        Thread errors = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Progress.line("  " + mb + " MB, -Xmx" + heapLimit + ", " + transport + ": " + line);
                }
            } catch (IOException e) {
                Progress.line("  (child stderr: " + e.getMessage() + ")");
            }
        });
        errors.start();
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("{")) {
                    lines.add(json.readTree(line));
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        errors.join();
        if (p.exitValue() != 0 || lines.size() != reps) {
            throw new IOException("the db-backup child JVM (-Xmx" + heapLimit + ", " + mb + " MB) exited "
                    + p.exitValue() + " after " + lines.size() + " of " + reps + " repetitions");
        }
        return lines;
    }
}
