package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * standby-prepare, apply then re-run, on fresh simulated pairs: the engine over Trilead and over OpenSSH,
 * the engine with a new connection per command, the one-ssh-per-command script, and the commands alone
 * inside the nodes. The variants take turns (the order rotates every repetition) so that drift in the
 * machine's load spreads over all of them.
 */
final class PrepareBenchmark {
    static final List<Variant> VARIANTS = List.of(Variant.TRILEAD, Variant.OPENSSH, Variant.CONNECTION_PER_COMMAND,
            Variant.SSH_PER_COMMAND, Variant.NO_SSH);

    /** Milliseconds per variant and phase, the command counts, and how faithful the replays were. */
    static final class Results {
        final Map<Variant, List<Long>> apply = new EnumMap<>(Variant.class);
        final Map<Variant, List<Long>> rerun = new EnumMap<>(Variant.class);
        final Map<Variant, Integer> applyCommands = new EnumMap<>(Variant.class);
        final Map<Variant, Integer> rerunCommands = new EnumMap<>(Variant.class);
        final Map<Variant, Integer> handshakesApply = new EnumMap<>(Variant.class);
        final Map<Variant, String> fidelity = new EnumMap<>(Variant.class);
        final List<String> problems = new ArrayList<>();
        /** Per-step milliseconds of the last Trilead apply, for explaining where the time goes. */
        final Map<String, Long> trileadSteps = new java.util.LinkedHashMap<>();
        /** Sum over the last Trilead apply's commands of their time as the engine measured it. */
        long trileadCommandMillis;
        long trileadReportMillis;
        /** Apply runs: each command's time as the engine saw it, per variant, one list per repetition. */
        final Map<Variant, List<List<Double>>> applyCommandMillis = new EnumMap<>(Variant.class);

        /**
         * Per command of the apply run: the engine's time for it minus the command's own time inside the node
         * (medians over the repetitions), then the median over the commands. What the transport adds to
         * each command of a real procedure.
         */
        Stats perCommandOverhead(Variant v) {
            List<List<Double>> engine = applyCommandMillis.get(v);
            List<List<Double>> floor = applyCommandMillis.get(Variant.NO_SSH);
            if (engine == null || floor == null || engine.isEmpty() || floor.isEmpty()) {
                return null;
            }
            int n = Math.min(engine.get(0).size(), floor.get(0).size());
            List<Double> differences = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                differences.add(medianAt(engine, i) - medianAt(floor, i));
            }
            return new Stats(differences);
        }

        Stats ownCommandTime() {
            List<List<Double>> floor = applyCommandMillis.get(Variant.NO_SSH);
            if (floor == null || floor.isEmpty()) {
                return null;
            }
            List<Double> each = new ArrayList<>();
            for (int i = 0; i < floor.get(0).size(); i++) {
                each.add(medianAt(floor, i));
            }
            return new Stats(each);
        }

        private static double medianAt(List<List<Double>> runs, int i) {
            List<Double> v = new ArrayList<>();
            for (List<Double> run : runs) {
                if (i < run.size() && !Double.isNaN(run.get(i))) {
                    v.add(run.get(i));
                }
            }
            return v.isEmpty() ? Double.NaN : new Stats(v).median();
        }

        Stats apply(Variant v) {
            return Stats.of(apply.get(v));
        }

        Stats rerun(Variant v) {
            return Stats.of(rerun.get(v));
        }
    }

    private final int repetitions;
    private final Path workDir;
    private List<RecordedCommand> applyRecording;
    private List<RecordedCommand> rerunRecording;
    private PairIdentity recordedOn;

    PrepareBenchmark(int repetitions, Path workDir) {
        this.repetitions = repetitions;
        this.workDir = workDir;
    }

    private static StandbyPrepareOptions options() {
        return StandbyPrepareOptions.builder().build();
    }

    Results run() throws IOException, InterruptedException {
        Results results = new Results();
        for (Variant v : VARIANTS) {
            results.apply.put(v, new ArrayList<>());
            results.rerun.put(v, new ArrayList<>());
        }
        Progress.line("standby-prepare: warm-up run (Trilead), also the first recording for the replays");
        try (SimulatedCluster pair = Lab.pair()) {
            recordTrilead(pair, null);
        }
        for (int rep = 0; rep < repetitions; rep++) {
            for (int k = 0; k < VARIANTS.size(); k++) {
                Variant v = VARIANTS.get((k + rep) % VARIANTS.size());
                try (SimulatedCluster pair = Lab.pair()) {
                    runOne(pair, v, rep, results);
                }
            }
        }
        return results;
    }

    private void recordTrilead(SimulatedCluster pair, Results results) throws IOException {
        EngineRun apply = EngineRun.run(pair, Variant.TRILEAD, StandbyPrepare.procedure(options()), true);
        EngineRun rerun = EngineRun.run(pair, Variant.TRILEAD, StandbyPrepare.procedure(options()), true);
        check(apply, rerun, Variant.TRILEAD, results);
        applyRecording = apply.commands();
        rerunRecording = rerun.commands();
        recordedOn = PairIdentity.of(pair);
        if (results != null) {
            add(results, Variant.TRILEAD, apply.millis(), rerun.millis(), apply.commands().size(),
                    rerun.commands().size(), apply.handshakes());
            results.trileadSteps.clear();
            apply.report().steps().forEach(s -> results.trileadSteps.put(s.id(), s.durationMs()));
            results.trileadCommandMillis = apply.commands().stream().mapToLong(RecordedCommand::millis).sum();
            results.trileadReportMillis = apply.report().durationMs();
            results.applyCommandMillis.computeIfAbsent(Variant.TRILEAD, k -> new ArrayList<>()).add(millis(apply));
        }
        Progress.line("  " + Variant.TRILEAD.label + ": apply " + apply.summary() + "; re-run " + rerun.summary());
    }

    private void runOne(SimulatedCluster pair, Variant v, int rep, Results results)
            throws IOException, InterruptedException {
        String prefix = "  rep " + (rep + 1) + "/" + repetitions + " " + v.label + ": ";
        switch (v) {
            case TRILEAD -> recordTrilead(pair, results);
            case OPENSSH, CONNECTION_PER_COMMAND -> {
                EngineRun apply = EngineRun.run(pair, v, StandbyPrepare.procedure(options()), true);
                EngineRun rerun = EngineRun.run(pair, v, StandbyPrepare.procedure(options()), true);
                check(apply, rerun, v, results);
                add(results, v, apply.millis(), rerun.millis(), apply.commands().size(), rerun.commands().size(),
                        apply.handshakes());
                results.applyCommandMillis.computeIfAbsent(v, k -> new ArrayList<>()).add(millis(apply));
                Progress.line(prefix + "apply " + apply.summary() + "; re-run " + rerun.summary());
            }
            case SSH_PER_COMMAND -> {
                Path dir = workDir.resolve("script-" + rep);
                Replay.Outcome apply = Replay.sshPerCommand(applyRecording, recordedOn, pair, dir.resolve("apply"));
                Replay.Outcome rerun = Replay.sshPerCommand(rerunRecording, recordedOn, pair, dir.resolve("rerun"));
                add(results, v, apply.millis(), rerun.millis(), apply.commands(), rerun.commands(), apply.commands());
                results.fidelity.put(v, fidelity(apply, rerun));
                Progress.line(prefix + "apply " + apply.millis() + " ms, re-run " + rerun.millis() + " ms; "
                        + fidelity(apply, rerun));
            }
            case NO_SSH -> {
                Replay.Outcome apply = Replay.insideNodes(applyRecording, recordedOn, pair);
                Replay.Outcome rerun = Replay.insideNodes(rerunRecording, recordedOn, pair);
                add(results, v, apply.millis(), rerun.millis(), apply.commands(), rerun.commands(), 0);
                results.applyCommandMillis.computeIfAbsent(v, k -> new ArrayList<>()).add(apply.commandMillis());
                results.fidelity.put(v, fidelity(apply, rerun));
                Progress.line(prefix + "apply " + apply.millis() + " ms, re-run " + rerun.millis() + " ms; "
                        + fidelity(apply, rerun));
            }
        }
    }

    private static List<Double> millis(EngineRun run) {
        return run.commands().stream().map(c -> (double) c.millis()).toList();
    }

    private static String fidelity(Replay.Outcome apply, Replay.Outcome rerun) {
        return "exit codes as in the engine run: apply " + apply.sameExitCode() + "/" + apply.commands()
                + ", re-run " + rerun.sameExitCode() + "/" + rerun.commands();
    }

    private static void add(Results r, Variant v, long apply, long rerun, int applyCommands, int rerunCommands,
                            int handshakes) {
        r.apply.get(v).add(apply);
        r.rerun.get(v).add(rerun);
        r.applyCommands.put(v, applyCommands);
        r.rerunCommands.put(v, rerunCommands);
        r.handshakesApply.put(v, handshakes);
    }

    private static void check(EngineRun apply, EngineRun rerun, Variant v, Results results) {
        List<String> problems = new ArrayList<>(apply.problems());
        if (!rerun.changedSteps().isEmpty()) {
            problems.add("the re-run changed " + rerun.changedSteps());
        }
        problems.addAll(rerun.problems());
        if (!problems.isEmpty()) {
            String text = v.label + ": " + String.join(" | ", problems);
            Progress.line("  PROBLEM " + text);
            if (results != null) {
                results.problems.add(text);
            }
        }
    }
}
