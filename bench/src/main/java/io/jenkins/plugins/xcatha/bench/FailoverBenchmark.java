package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.failover.Failover;
import io.jenkins.plugins.xcatha.failover.FailoverOptions;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned failover's wall time on fresh simulated pairs whose standby standby-prepare has prepared (untimed):
 * the engine over Trilead (one connection per node), against the very commands it ran replayed as a script with one
 * ssh per command, on another prepared pair. The two take turns.
 */
final class FailoverBenchmark {
    /** Milliseconds per repetition, the command count, and how faithful the replays were. */
    static final class Results {
        final List<Long> engine = new ArrayList<>();
        final List<Long> script = new ArrayList<>();
        int commands;
        String fidelity = "";
        final List<String> problems = new ArrayList<>();

        Stats engine() {
            return Stats.of(engine);
        }

        Stats script() {
            return Stats.of(script);
        }
    }

    private final int repetitions;
    private final Path workDir;

    FailoverBenchmark(int repetitions, Path workDir) {
        this.repetitions = repetitions;
        this.workDir = workDir;
    }

    private static Procedure failover(SimulatedCluster pair) {
        return Failover.procedure(FailoverOptions.builder().virtualIp(pair.virtualIp() + "/8").interfaceName("eth0")
                .planned(true).build());
    }

    /** The pair as a failover finds it: its standby prepared by standby-prepare. */
    private static SimulatedCluster preparedPair() throws IOException {
        SimulatedCluster pair = Lab.pair();
        EngineRun prepare = EngineRun.run(pair, Variant.TRILEAD, StandbyPrepare.procedure(
                StandbyPrepareOptions.builder().build()), true);
        if (!prepare.problems().isEmpty()) {
            pair.close();
            throw new IOException("standby-prepare did not prepare the pair: " + prepare.problems());
        }
        return pair;
    }

    Results run() throws IOException, InterruptedException {
        Results results = new Results();
        for (int rep = 0; rep < repetitions; rep++) {
            List<RecordedCommand> recording;
            PairIdentity recordedOn;
            try (SimulatedCluster pair = preparedPair()) {
                EngineRun run = EngineRun.run(pair, Variant.TRILEAD, failover(pair), true);
                results.problems.addAll(run.problems());
                results.engine.add(run.millis());
                results.commands = run.commands().size();
                recording = run.commands();
                recordedOn = PairIdentity.of(pair);
                Progress.line("  rep " + (rep + 1) + "/" + repetitions + " engine, Trilead: " + run.summary());
            }
            try (SimulatedCluster pair = preparedPair()) {
                Replay.Outcome replay = Replay.sshPerCommand(recording, recordedOn, pair, workDir.resolve("script-" + rep));
                results.script.add(replay.millis());
                results.fidelity = "exit codes as in the engine run: " + replay.sameExitCode() + "/" + replay.commands();
                Progress.line("  rep " + (rep + 1) + "/" + repetitions + " one ssh per command: " + replay.millis()
                        + " ms; " + results.fidelity);
            }
        }
        return results;
    }
}
