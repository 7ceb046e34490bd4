package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.testkit.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark harness ({@code bench/run}): standby-prepare against what operators use instead, the
 * cost of a handshake and of a command, db-backup's collect against tar over ssh, and many pairs at
 * once. Prints progress while it runs, then the results as Markdown (also written to a file), with
 * pass or miss for each target.
 */
public final class BenchMain {
    static final String USAGE = """
            usage: bench/run [--quick] [--suites overhead,prepare,failover,backup,scale] [--sizes 10,100,1000]
                             [--heap 64m] [--backup-transport trilead|openssh] [--pairs 1,4,16] [--out FILE]
              --quick   a short try-out (about 2 minutes): fewer repetitions, no 1 GB backup, 1 and 4 pairs
              --suites  which measurements to run (default: all five)
              --sizes   database sizes in MB for db-backup (default 10,100,1000; quick 10,100)
              --heap    -Xmx of the JVM that runs db-backup (default 64m)
              --backup-transport  the shell db-backup uses (default trilead, the plugin's)
              --pairs   how many pairs to prepare at once (default 1,4,16; quick 1,4); the first is the base
              --out     where the Markdown results go (default bench/target/results-TIMESTAMP.md)
            """;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (o.help) {
            System.out.print(USAGE);
            return;
        }
        String problem = Environment.problem();
        if (problem != null) {
            System.err.println("bench: simulated nodes cannot run on this machine: " + problem);
            System.exit(4);
        }
        Path work = Files.createTempDirectory("xcat-ha-bench-");
        Path out = (o.out != null ? o.out : Path.of("bench", "target",
                "results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md"))
                .toAbsolutePath();
        Files.createDirectories(out.getParent());
        Map<String, String> machine = Machine.describe();
        Progress.line("xcat-ha benchmarks" + (o.quick ? " (--quick)" : "") + ": suites " + o.suites);
        machine.forEach((k, v) -> Progress.line("  " + k + ": " + v));
        ResultsReport report = new ResultsReport(machine, o.quick, String.join(" ", args));
        long start = System.nanoTime();
        if (o.suites.contains("overhead")) {
            Progress.line("== handshake and per-command overhead");
            report.overhead = new OverheadBenchmark(o.quick ? 5 : 15, o.quick ? 40 : 200, work.resolve("overhead")).run();
            report.loadAfter.put("overhead", Machine.load() + ", other JVMs: " + Machine.javaProcesses());
        }
        if (o.suites.contains("prepare")) {
            Progress.line("== standby-prepare: engine vs one ssh per command vs a connection per command");
            report.prepare = new PrepareBenchmark(o.quick ? 1 : 3, work.resolve("prepare")).run();
            report.loadAfter.put("prepare", Machine.load() + ", other JVMs: " + Machine.javaProcesses());
        }
        if (o.suites.contains("failover")) {
            Progress.line("== planned failover: engine vs one ssh per command");
            report.failover = new FailoverBenchmark(o.quick ? 1 : 3, work.resolve("failover")).run();
            report.loadAfter.put("failover", Machine.load() + ", other JVMs: " + Machine.javaProcesses());
        }
        if (o.suites.contains("backup")) {
            Progress.line("== db-backup with collect vs tar over ssh");
            report.backup = new BackupBenchmark(o.sizes, o.quick ? 1 : 5, o.quick ? 1 : 3, o.heap, o.backupTransport,
                    work.resolve("backup"), out.getParent()).run();
            report.loadAfter.put("backup", Machine.load() + ", other JVMs: " + Machine.javaProcesses());
        }
        if (o.suites.contains("scale")) {
            Progress.line("== scale: pairs prepared concurrently from one JVM");
            List<Integer> counts = o.pairs != null ? o.pairs : o.quick ? List.of(1, 4) : List.of(1, 4, 16);
            List<Integer> reps = new ArrayList<>();
            for (int n : counts) {
                reps.add(o.quick ? 1 : n >= 16 ? 2 : 3);
            }
            report.scale = new ScaleBenchmark(counts, reps).run();
            report.loadAfter.put("scale", Machine.load() + ", other JVMs: " + Machine.javaProcesses());
        }
        report.totalSeconds = (System.nanoTime() - start) / 1e9;
        String markdown = report.markdown();
        Files.writeString(out, markdown);
        System.out.println();
        System.out.println(markdown);
        Progress.line("results written to " + out.toAbsolutePath());
        deleteQuietly(work);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; leave it
        }
    }

    static final class Options {
        boolean quick;
        boolean help;
        Set<String> suites = new LinkedHashSet<>(List.of("overhead", "prepare", "failover", "backup", "scale"));
        List<Long> sizes;
        List<Integer> pairs;
        String heap = "64m";
        String backupTransport = "trilead";
        Path out;

        static Options parse(String[] args) {
            Options o = new Options();
            List<Long> sizes = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> o.quick = true;
                    case "-h", "--help" -> o.help = true;
                    case "--suites" -> {
                        Set<String> s = new LinkedHashSet<>(Arrays.asList(value(args, ++i, a).split(",")));
                        for (String name : s) {
                            if (!List.of("overhead", "prepare", "failover", "backup", "scale").contains(name)) {
                                throw new IllegalArgumentException("--suites: '" + name
                                        + "' is not one of overhead, prepare, failover, backup, scale");
                            }
                        }
                        o.suites = s;
                    }
                    case "--sizes" -> {
                        sizes = new ArrayList<>();
                        for (String s : value(args, ++i, a).split(",")) {
                            try {
                                long mb = Long.parseLong(s.strip());
                                if (mb < 1 || mb > 100_000) {
                                    throw new NumberFormatException();
                                }
                                sizes.add(mb);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--sizes: '" + s + "' is not a size in MB (1-100000)");
                            }
                        }
                    }
                    case "--heap" -> {
                        o.heap = value(args, ++i, a);
                        if (!o.heap.matches("[0-9]+[kmgKMG]?")) {
                            throw new IllegalArgumentException("--heap: '" + o.heap + "' is not a heap size like 64m");
                        }
                    }
                    case "--backup-transport" -> {
                        o.backupTransport = value(args, ++i, a).toLowerCase(Locale.ROOT);
                        if (!List.of("trilead", "openssh").contains(o.backupTransport)) {
                            throw new IllegalArgumentException("--backup-transport: '" + o.backupTransport
                                    + "' is not trilead or openssh");
                        }
                    }
                    case "--out" -> o.out = Path.of(value(args, ++i, a));
                    case "--pairs" -> {
                        o.pairs = new ArrayList<>();
                        for (String p : value(args, ++i, a).split(",")) {
                            try {
                                int n = Integer.parseInt(p.strip());
                                if (n < 1 || n > 64) {
                                    throw new NumberFormatException();
                                }
                                o.pairs.add(n);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--pairs: '" + p + "' is not a number of pairs (1-64)");
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            o.sizes = sizes != null ? sizes : o.quick ? List.of(10L, 100L) : List.of(10L, 100L, 1000L);
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
