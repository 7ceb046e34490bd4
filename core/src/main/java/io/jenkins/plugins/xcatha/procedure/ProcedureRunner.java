package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.report.CommandRecord;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a procedure's steps in order. A FAILED step makes the steps that depend on it SKIPPED (with the
 * reason) while independent steps still run. An interrupt (a Jenkins abort) ends the running step as
 * FAILED, skips the rest, and still returns the report, so that it can be written.
 */
public final class ProcedureRunner {
    private final Clock clock;

    public ProcedureRunner() {
        this(Clock.systemUTC());
    }

    public ProcedureRunner(Clock clock) {
        this.clock = clock;
    }

    public ProcedureReport run(Procedure procedure, Cluster cluster, Mode mode, ProgressListener progress) {
        return run(procedure, cluster, mode, progress, new Facts(), new Redactor());
    }

    public ProcedureReport run(Procedure procedure, Cluster cluster, Mode mode, ProgressListener progress,
                               Facts facts, Redactor redactor) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        List<StepResult> results = new ArrayList<>();
        Set<String> unusable = new HashSet<>();
        boolean aborted = false;
        int total = procedure.steps().size();
        for (int i = 0; i < total; i++) {
            ProcedureStep step = procedure.steps().get(i);
            String host = step.host(cluster);
            if (aborted || Thread.currentThread().isInterrupted()) {
                aborted = true;
                results.add(new StepResult(step.id(), step.title(), host, Status.SKIPPED,
                        "not run: the procedure was aborted", 0, List.of()));
                continue;
            }
            Set<String> blockers = new TreeSet<>(step.dependsOn());
            blockers.retainAll(unusable);
            progress.stepStarted(i + 1, total, step, host);
            StepResult result;
            if (!blockers.isEmpty()) {
                unusable.add(step.id());
                result = new StepResult(step.id(), step.title(), host, Status.SKIPPED,
                        "not run: it needs " + String.join(", ", blockers) + ", which did not succeed", 0,
                        List.of());
            } else {
                StepContext context = new StepContext(cluster, mode, facts, redactor, progress);
                long stepStart = System.nanoTime();
                Outcome outcome;
                try {
                    outcome = step.run(context);
                } catch (InterruptedException e) {
                    aborted = true;
                    outcome = Outcome.failed("aborted while running");
                } catch (ShellException e) {
                    outcome = Outcome.failed(e.getMessage());
                } catch (RuntimeException e) {
                    outcome = Outcome.failed("internal error: " + e);
                }
                if (outcome.status() == Status.FAILED) {
                    unusable.add(step.id());
                }
                result = new StepResult(step.id(), step.title(), host, outcome.status(),
                        redactor.redact(outcome.message()), millisSince(stepStart), context.commands());
            }
            results.add(result);
            progress.stepFinished(i + 1, total, result);
        }
        if (procedure.finaliser() != null && finish(procedure, cluster, mode, progress, facts, redactor, results)) {
            Thread.currentThread().interrupt();
        }
        if (aborted) {
            // Keep the interrupt visible to the caller (a Jenkins step marks the build ABORTED).
            Thread.currentThread().interrupt();
        }
        return new ProcedureReport(procedure.id(), mode, startedAt, millisSince(start), cluster.hosts(), results,
                aborted);
    }

    /** Runs the procedure's finaliser; returns whether the thread was interrupted before or during it. */
    private static boolean finish(Procedure procedure, Cluster cluster, Mode mode, ProgressListener progress,
                                  Facts facts, Redactor redactor, List<StepResult> results) {
        // Cleared so that the cleanup can still run commands after an abort; restored by the caller.
        boolean interrupted = Thread.interrupted();
        StepContext context = new StepContext(cluster, mode, facts, redactor, progress);
        try {
            procedure.finaliser().finish(context, List.copyOf(results));
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ShellException | RuntimeException e) {
            progress.message("cleanup after " + procedure.id() + " failed: " + redactor.redact(e.getMessage()));
        }
        List<CommandRecord> cleanup = context.commands();
        if (!cleanup.isEmpty() && !results.isEmpty()) {
            StepResult last = results.get(results.size() - 1);
            List<CommandRecord> commands = new ArrayList<>(last.commands());
            commands.addAll(cleanup);
            results.set(results.size() - 1, new StepResult(last.id(), last.title(), last.host(), last.status(),
                    last.message(), last.durationMs(), commands));
        }
        return interrupted;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
