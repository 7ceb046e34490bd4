package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N pairs prepared at the same time from one JVM (a Jenkins controller running N standby-prepare builds):
 * wall time, and the threads and memory the JVM needed per pair. The pairs are started before the clock.
 */
final class ScaleBenchmark {
    /** One measured round of N concurrent runs. */
    record Round(int pairs, long wallMillis, List<Long> runMillis, int failures, int threadsBefore, int threadPeak,
                 long liveHeapBefore, long sampledHeapPeak, long afterGcHeapPeak, long rssBeforeKb, long rssAfterKb,
                 double machineBusyPercent, long jvmCpuMillis) {
        double jvmCpuPerPairMs() {
            return jvmCpuMillis / (double) pairs;
        }

        /** CPU time of the whole machine (nodes, sshd, this JVM, anything else running) per pair. */
        double machineCpuPerPairMs() {
            return machineBusyPercent / 100 * Runtime.getRuntime().availableProcessors() * wallMillis / pairs;
        }

        double threadsPerPair() {
            return (threadPeak - threadsBefore) / (double) pairs;
        }

        double heapPerPairMb() {
            return Math.max(0, afterGcHeapPeak - liveHeapBefore) / 1e6 / pairs;
        }

        double sampledHeapPerPairMb() {
            return Math.max(0, sampledHeapPeak - liveHeapBefore) / 1e6 / pairs;
        }
    }

    private final List<Integer> counts;
    private final List<Integer> repetitions;

    ScaleBenchmark(List<Integer> counts, List<Integer> repetitions) {
        this.counts = counts;
        this.repetitions = repetitions;
    }

    List<List<Round>> run() throws Exception {
        Progress.line("scale: warm-up round (1 pair, not counted)");
        round(1, 0, 1);
        List<List<Round>> all = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            List<Round> rounds = new ArrayList<>();
            for (int rep = 0; rep < repetitions.get(i); rep++) {
                rounds.add(round(counts.get(i), rep, repetitions.get(i)));
            }
            all.add(rounds);
        }
        return all;
    }

    private Round round(int n, int rep, int reps) throws Exception {
        List<SimulatedCluster> pairs = new ArrayList<>();
        try {
            long startPairs = System.nanoTime();
            for (int i = 0; i < n; i++) {
                pairs.add(Lab.pair());
            }
            Progress.line(String.format(java.util.Locale.ROOT, "scale %d pair(s), rep %d/%d: pairs started in %.1f s",
                    n, rep + 1, reps, (System.nanoTime() - startPairs) / 1e9));
            long liveBefore = HeapWatch.liveHeapNow();
            int threadsBefore = Machine.liveThreads();
            long rssBefore = Machine.residentKb();
            long[] cpuBefore = CpuTime.machine();
            long jvmCpuBefore = CpuTime.jvmNanos();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<EngineRun>> runs = new ArrayList<>();
            Round round;
            try (HeapWatch watch = new HeapWatch()) {
                long start = System.nanoTime();
                for (SimulatedCluster pair : pairs) {
                    runs.add(pool.submit(() -> EngineRun.run(pair, Variant.TRILEAD,
                            StandbyPrepare.procedure(StandbyPrepareOptions.builder().build()), true)));
                }
                List<Long> millis = new ArrayList<>();
                int failures = 0;
                for (Future<EngineRun> f : runs) {
                    EngineRun r = f.get();
                    millis.add(r.millis());
                    if (r.report().result() != Result.SUCCESS) {
                        failures++;
                        Progress.line("  PROBLEM: " + r.problems());
                    }
                }
                long wall = (System.nanoTime() - start) / 1_000_000;
                round = new Round(n, wall, millis, failures, threadsBefore, watch.threadPeak(), liveBefore,
                        watch.sampledPeakBytes(), Math.max(watch.afterGcPeakBytes(), HeapWatch.liveHeapNow()),
                        rssBefore, Machine.residentKb(), CpuTime.busyPercent(cpuBefore, CpuTime.machine()),
                        (CpuTime.jvmNanos() - jvmCpuBefore) / 1_000_000);
            } finally {
                pool.shutdownNow();
            }
            Progress.line(String.format(java.util.Locale.ROOT,
                    "  %d pair(s): wall %d ms, per run median %.0f ms, threads %d -> %d, heap live %.1f MB -> peak %.1f MB"
                            + " after GC (%.1f MB sampled), machine CPU %.0f%% busy, this JVM %.0f ms CPU per pair%s",
                    n, round.wallMillis(), Stats.of(round.runMillis()).median(), threadsBefore, round.threadPeak(),
                    liveBefore / 1e6, round.afterGcHeapPeak() / 1e6, round.sampledHeapPeak() / 1e6,
                    round.machineBusyPercent(), round.jvmCpuPerPairMs(), round.failures() > 0 ? ", " + round.failures() + " FAILED" : ""));
            return round;
        } finally {
            for (SimulatedCluster pair : pairs) {
                pair.close();
            }
        }
    }
}
