package io.jenkins.plugins.xcatha.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The measurements as Markdown: machine, targets with pass or miss, then one table per suite. */
final class ResultsReport {
    static final double OVERHEAD_TARGET_MS = 10;
    static final double SPEEDUP_TARGET = 5;
    static final double THROUGHPUT_TARGET = 0.8;
    static final double HEAP_TARGET_MB = 64;
    static final double SCALE_TARGET = 4;

    final Map<String, String> machine;
    final boolean quick;
    final String arguments;
    final Map<String, String> loadAfter = new LinkedHashMap<>();
    Map<String, Stats> overhead;
    PrepareBenchmark.Results prepare;
    FailoverBenchmark.Results failover;
    List<BackupBenchmark.SizeResult> backup;
    List<List<ScaleBenchmark.Round>> scale;
    double totalSeconds;

    ResultsReport(Map<String, String> machine, boolean quick, String arguments) {
        this.machine = machine;
        this.quick = quick;
        this.arguments = arguments;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String verdict(boolean pass) {
        return pass ? "**pass**" : "**MISS**";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Run\n\n");
        md.append("`bench/run").append(arguments.isEmpty() ? "" : " " + arguments).append("`")
                .append(quick ? " (quick mode: few repetitions, not a recorded result)" : "")
                .append(f(", %.0f s in all.\n\n", totalSeconds));
        md.append("| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        loadAfter.forEach((k, v) -> md.append("| load after ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n');
        md.append(targets());
        if (overhead != null) {
            md.append("### Handshake and per-command cost (one simulated node)\n\n");
            md.append("| what | median | n | min | max |\n|---|---:|---:|---:|---:|\n");
            overhead.forEach((k, s) -> md.append(f("| %s | %.2f ms | %d | %.2f | %.2f |\n", k, s.median(), s.count(),
                    s.min(), s.max())));
            md.append('\n');
        }
        if (prepare != null) {
            md.append(prepareTable());
        }
        if (failover != null) {
            md.append(failoverTable());
        }
        if (backup != null) {
            md.append(backupTable());
        }
        if (scale != null) {
            md.append(scaleTable());
        }
        return md.toString();
    }

    private String targets() {
        List<String[]> rows = new ArrayList<>();
        if (overhead != null) {
            for (String key : List.of(OverheadBenchmark.TRILEAD_COMMAND, OverheadBenchmark.OPENSSH_COMMAND)) {
                double m = overhead.get(key).median();
                rows.add(new String[] {"per-command overhead on an open connection <= 10 ms (" + key.substring(key.indexOf(':') + 2) + ")",
                        f("%.2f ms", m), verdict(m <= OVERHEAD_TARGET_MS)});
            }
        }
        if (prepare != null) {
            for (Variant v : List.of(Variant.TRILEAD, Variant.OPENSSH)) {
                for (boolean apply : new boolean[] {true, false}) {
                    double script = (apply ? prepare.apply(Variant.SSH_PER_COMMAND) : prepare.rerun(Variant.SSH_PER_COMMAND)).median();
                    double engine = (apply ? prepare.apply(v) : prepare.rerun(v)).median();
                    rows.add(new String[] {"standby-prepare " + (apply ? "apply" : "re-run") + " >= 5x faster than one ssh per command ("
                            + (v == Variant.TRILEAD ? "Trilead" : "OpenSSH") + ")",
                            f("%.1fx (%.0f ms vs %.0f ms)", script / engine, engine, script), verdict(script / engine >= SPEEDUP_TARGET)});
                }
            }
        }
        if (failover != null) {
            double script = failover.script().median();
            double engine = failover.engine().median();
            rows.add(new String[] {"planned failover faster than one ssh per command (Trilead)",
                    f("%.1fx (%.0f ms vs %.0f ms)", script / engine, engine, script), verdict(script > engine
                            && failover.problems.isEmpty())});
        }
        if (backup != null) {
            for (BackupBenchmark.SizeResult s : backup) {
                double ratio = s.ratio().median();
                rows.add(new String[] {"collect throughput >= 80% of tar over ssh, " + s.megabytes() + " MB",
                        f("%.0f%% (%.1f vs %.1f MB/s)", ratio * 100, s.collectMbPerS().median(), s.tarMbPerS().median()),
                        verdict(ratio >= THROUGHPUT_TARGET && s.allSucceeded())});
            }
            BackupBenchmark.SizeResult largest = backup.get(backup.size() - 1);
            double peak = largest.heapSampledPeakMax() / 1048576.0;
            rows.add(new String[] {"peak heap during collect <= 64 MB at " + largest.megabytes() + " MB",
                    f("%.1f MiB sampled peak, %.1f MiB after GC, run with -Xmx%s: %s", peak,
                            largest.heapAfterGcPeakMax() / 1048576.0, largest.heapLimit(),
                            largest.allSucceeded() ? "every run succeeded" : "a run FAILED"),
                    verdict(largest.allSucceeded() && peak <= HEAP_TARGET_MB)});
        }
        if (scale != null && scale.size() >= 2) {
            List<ScaleBenchmark.Round> one = scale.get(0);
            List<ScaleBenchmark.Round> many = scale.get(scale.size() - 1);
            double t1 = Stats.of(one.stream().map(ScaleBenchmark.Round::wallMillis).toList()).median();
            double tn = Stats.of(many.stream().map(ScaleBenchmark.Round::wallMillis).toList()).median();
            int n = many.get(0).pairs();
            rows.add(new String[] {n + " pairs in <= 4x the time of one pair",
                    f("%.1fx (%.0f ms vs %.0f ms)", tn / t1, tn, t1), verdict(tn / t1 <= SCALE_TARGET)});
        }
        StringBuilder md = new StringBuilder("### Targets\n\n| target | measured (medians) | |\n|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return md.append('\n').toString();
    }

    private String failoverTable() {
        StringBuilder md = new StringBuilder("### Planned failover on one simulated pair (standby prepared first, untimed)\n\n");
        md.append("| variant | commands | wall time |\n|---|---:|---:|\n");
        md.append(f("| engine, Trilead | %d | %s |\n", failover.commands, failover.engine().describe("ms", 0)));
        md.append(f("| shell script, one ssh per command | %d | %s |\n", failover.commands, failover.script().describe("ms", 0)));
        md.append("\n- one ssh per command, last repetition: ").append(failover.fidelity).append('\n');
        for (String p : failover.problems) {
            md.append("- PROBLEM: ").append(p).append('\n');
        }
        return md.append('\n').toString();
    }

    private String prepareTable() {
        StringBuilder md = new StringBuilder("### standby-prepare on one simulated pair (apply on a fresh pair, then re-run)\n\n");
        md.append("| variant | handshakes (apply) | commands apply / re-run | apply | re-run | apply vs Trilead engine |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        double base = prepare.apply(Variant.TRILEAD).median();
        for (Variant v : PrepareBenchmark.VARIANTS) {
            Stats a = prepare.apply(v);
            Stats r = prepare.rerun(v);
            md.append(f("| %s | %s | %d / %d | %s | %s | %.2fx |\n", v.label,
                    v == Variant.NO_SSH ? "0" : Integer.toString(prepare.handshakesApply.get(v)),
                    prepare.applyCommands.get(v), prepare.rerunCommands.get(v), a.describe("ms", 0),
                    r.describe("ms", 0), a.median() / base));
        }
        md.append('\n');
        double floor = prepare.apply(Variant.NO_SSH).median();
        double trilead = prepare.apply(Variant.TRILEAD).median();
        double openssh = prepare.apply(Variant.OPENSSH).median();
        int n = prepare.applyCommands.get(Variant.TRILEAD);
        md.append(f("Above the floor (the same %d commands run inside the nodes without SSH): Trilead engine +%.0f ms"
                        + " (%.1f ms per command, handshakes included), OpenSSH engine +%.0f ms (%.1f ms per command).\n\n",
                n, trilead - floor, (trilead - floor) / n, openssh - floor, (openssh - floor) / n));
        Stats own = prepare.ownCommandTime();
        if (own != null) {
            md.append(f("Per command of the apply run (median over its %d commands; each command's time is the median"
                    + " of the repetitions): the command's own time inside the node %.1f ms", own.count(), own.median()));
            for (Variant v : List.of(Variant.TRILEAD, Variant.OPENSSH, Variant.CONNECTION_PER_COMMAND)) {
                Stats extra = prepare.perCommandOverhead(v);
                if (extra != null) {
                    md.append(f("; %s adds %.1f ms", v.label, extra.median()));
                }
            }
            md.append(".\n\n");
        }
        prepare.fidelity.forEach((v, text) -> md.append("- ").append(v.label).append(", last repetition: ").append(text)
                .append('\n'));
        md.append("- last Trilead apply, per step (ms): ").append(prepare.trileadSteps).append(f(
                "; procedure %d ms, of which %d ms inside run() calls\n", prepare.trileadReportMillis,
                prepare.trileadCommandMillis));
        for (String p : prepare.problems) {
            md.append("- PROBLEM: ").append(p).append('\n');
        }
        return md.append('\n').toString();
    }

    private String backupTable() {
        StringBuilder md = new StringBuilder("### db-backup with collect vs tar over ssh (same node, same dump, side by side)\n\n");
        md.append("| database | reps | db-backup total | collect | collect: stream only | tar over ssh"
                + " | plain tar via engine shell | tar\\|gzip over ssh | tar\\|gzip -1 over ssh"
                + " | collect / tar | heap after-GC peak | heap sampled peak | -Xmx | gzip ratio |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BackupBenchmark.SizeResult s : backup) {
            Stats gz = s.tarGzipMbPerS();
            Stats gz1 = s.tarGzip1MbPerS();
            md.append(f("| %d MB (%.1f MB of CSV) | %d | %.1f s | %.1f MB/s | %.1f MB/s | %.1f MB/s | %.1f MB/s | %s | %s | %.0f%% | %.1f MiB | %.1f MiB | %s | %.1f |\n",
                    s.megabytes(), s.databaseBytes() / 1e6, s.reps().size(), s.procedureMs().median() / 1000,
                    s.collectMbPerS().median(), s.collectStreamMbPerS().median(), s.tarMbPerS().median(),
                    s.engineTarMbPerS() == null ? Double.NaN : s.engineTarMbPerS().median(), gz == null ? "-" : f("%.1f MB/s", gz.median()),
                    gz1 == null ? "-" : f("%.1f MB/s", gz1.median()), s.ratio().median() * 100,
                    s.heapAfterGcPeakMax() / 1048576.0, s.heapSampledPeakMax() / 1048576.0, s.heapLimit(),
                    s.compressionRatio()));
        }
        md.append("\nPer-step milliseconds of the first repetition of each size:\n\n");
        for (BackupBenchmark.SizeResult s : backup) {
            md.append("- ").append(s.megabytes()).append(" MB: ").append(s.reps().get(0).get("steps")).append(
                    s.reps().get(0).has("failure") ? " FAILED " + s.reps().get(0).get("failure") : "").append('\n');
        }
        return md.append('\n').toString();
    }

    private String scaleTable() {
        StringBuilder md = new StringBuilder("### Pairs prepared concurrently from one JVM (Trilead, apply on fresh pairs)\n\n");
        md.append("| pairs | rounds | wall time (median) | vs 1 pair | per-run median | threads per pair | heap per pair"
                + " (after GC) | heap per pair (sampled) | RSS growth | machine CPU busy | machine CPU per pair | JVM CPU per pair | failures |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double t1 = Stats.of(scale.get(0).stream().map(ScaleBenchmark.Round::wallMillis).toList()).median();
        for (List<ScaleBenchmark.Round> rounds : scale) {
            ScaleBenchmark.Round r0 = rounds.get(0);
            Stats wall = Stats.of(rounds.stream().map(ScaleBenchmark.Round::wallMillis).toList());
            List<Long> runs = new ArrayList<>();
            rounds.forEach(r -> runs.addAll(r.runMillis()));
            md.append(f("| %d | %d | %s | %.2fx | %.0f ms | %.1f | %.2f MB | %.2f MB | %.1f MB | %.0f%% | %.0f ms | %.0f ms | %d |\n", r0.pairs(),
                    rounds.size(), wall.describe("ms", 0), wall.median() / t1, Stats.of(runs).median(),
                    rounds.stream().mapToDouble(ScaleBenchmark.Round::threadsPerPair).max().orElse(0),
                    rounds.stream().mapToDouble(ScaleBenchmark.Round::heapPerPairMb).max().orElse(0),
                    rounds.stream().mapToDouble(ScaleBenchmark.Round::sampledHeapPerPairMb).max().orElse(0),
                    rounds.stream().mapToLong(r -> r.rssAfterKb() - r.rssBeforeKb()).max().orElse(0) / 1024.0,
                    Stats.of(rounds.stream().map(ScaleBenchmark.Round::machineBusyPercent).toList()).median(),
                    Stats.of(rounds.stream().map(ScaleBenchmark.Round::machineCpuPerPairMs).toList()).median(),
                    Stats.of(rounds.stream().map(ScaleBenchmark.Round::jvmCpuPerPairMs).toList()).median(),
                    rounds.stream().mapToInt(ScaleBenchmark.Round::failures).sum()));
        }
        return md.append('\n').toString();
    }
}
