package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The db-backup procedure ({@code xcatDbBackup}, {@code xcat-ha db-backup}, scheduled jobs, and the
 * backup-database step of standby-prepare): a verified, checksummed, retained {@code dumpxCATdb} backup
 * on the primary management node. Steps: {@value #PREFLIGHT}, {@value #DUMP}, {@value #VERIFY},
 * {@value #CHECKSUM}, {@value #COLLECT}, {@value #RETENTION}. Where things live on the node:
 * see {@link NodeScripts}.
 */
public final class DbBackup {
    public static final String PROCEDURE_ID = "db-backup";
    public static final String PREFLIGHT = "preflight";
    public static final String DUMP = "dump";
    public static final String VERIFY = "verify";
    public static final String CHECKSUM = "checksum";
    public static final String COLLECT = "collect";
    public static final String RETENTION = "retention";

    /** The name of this run's backup (e.g. {@code xcatdb-20261126T010203Z}), once dump reserved it. */
    public static final Facts.Key<String> BACKUP_NAME = Facts.Key.of("backup name", String.class);
    /** The complete backup's directory on the node, once checksum sealed it. */
    public static final Facts.Key<String> BACKUP_PATH = Facts.Key.of("backup path", String.class);
    /** The local .tar.gz collect wrote (inside the options' collect directory). */
    public static final Facts.Key<Path> COLLECTED_ARCHIVE = Facts.Key.of("collected archive", Path.class);

    private DbBackup() {
    }

    /** The procedure for these options; run it with {@link ProcedureRunner} against {@code Cluster.single(node)}. */
    public static Procedure procedure(DbBackupOptions options) {
        return new Procedure(PROCEDURE_ID, List.of(
                new PreflightStep(options),
                new DumpStep(options),
                new VerifyStep(options),
                new ChecksumStep(options),
                new CollectStep(options),
                new RetentionStep(options)))
                .withFinaliser(DbBackup::cleanUp);
    }

    /** Runs the procedure on one node; pass {@code facts} to read {@link #BACKUP_PATH} etc. afterwards. */
    public static ProcedureReport run(DbBackupOptions options, Node primary, Mode mode, ProgressListener progress,
                                      Facts facts) {
        return new ProcedureRunner().run(procedure(options), Cluster.single(primary), mode, progress, facts,
                new Redactor());
    }

    /**
     * Runs db-backup as ONE step of another procedure (standby-prepare's {@code backup-database}) on
     * {@code context}'s primary: every command is recorded in {@code context}, the first FAILED step ends the
     * backup, and the lock is released whatever happens. The outcome is FAILED naming the step that failed,
     * WARNING when a step warned, else CHANGED (OK in check mode when nothing would change) with each step's
     * message.
     */
    public static Outcome runWithin(StepContext context, DbBackupOptions options)
            throws ShellException, InterruptedException {
        List<String> said = new ArrayList<>();
        boolean warned = false;
        boolean changed = false;
        try {
            for (ProcedureStep step : procedure(options).steps()) {
                Outcome outcome;
                try {
                    outcome = step.run(context);
                } catch (ShellException e) {
                    outcome = Outcome.failed(e.getMessage());
                }
                if (outcome.status() == Status.FAILED) {
                    return Outcome.failed("db-backup " + step.id() + ": " + outcome.message());
                }
                warned |= outcome.status() == Status.WARNING;
                changed |= outcome.status() == Status.CHANGED;
                if (outcome.status() != Status.SKIPPED) {
                    said.add(step.id() + ": " + outcome.message());
                }
            }
        } finally {
            boolean interrupted = Thread.interrupted();
            try {
                cleanUp(context, List.of());
            } catch (ShellException | RuntimeException e) {
                context.progress().message("db-backup cleanup failed: " + e.getMessage());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        String message = String.join("; ", said);
        return warned ? Outcome.warning(message) : changed ? Outcome.changed(message) : Outcome.ok(message);
    }

    /**
     * Whatever happened: a dump that never got sealed (failed, timed out, aborted) is removed unless verify kept
     * it for inspection, and the lock is released, so that the next scheduled run is not blocked.
     */
    private static void cleanUp(StepContext context, List<StepResult> results)
            throws ShellException, InterruptedException {
        BackupRun run = context.facts().get(BackupRun.KEY).orElse(null);
        if (run == null) {
            return;
        }
        try {
            if (run.partialExists && !run.committed && !run.keepPartial) {
                DumpStep.removePartial(context, run);
                context.progress().message("removed the unfinished dump " + run.partialPath());
            }
        } finally {
            if (run.lockHeld) {
                context.run(context.primary(), NodeScripts.script(NodeScripts.RELEASE_LOCK, run.root(), run.lockToken)
                        .withTimeout(Duration.ofSeconds(60)));
                run.lockHeld = false;
            }
        }
    }
}
