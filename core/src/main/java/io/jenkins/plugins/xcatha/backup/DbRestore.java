package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.time.Duration;
import java.util.List;

/**
 * The db-restore procedure ({@code xcatDbRestore}, {@code xcat-ha db-restore}): puts a verified db-backup backup
 * back, safely, and proves it came back. xCAT's restorexCATdb replays every file of a directory (a stray
 * {@code site.csv.bak} is restored into {@code site}), exits 0 even when every table failed and knows no
 * checksums; around it: {@value #PREFLIGHT}, {@value #VERIFY_BACKUP}, {@value #SAFETY_BACKUP}, {@value #STAGE},
 * {@value #RESTORE}, {@value #VERIFY}, {@value #CLEANUP}.
 */
public final class DbRestore {
    public static final String PROCEDURE_ID = "db-restore";
    public static final String PREFLIGHT = "preflight";
    public static final String VERIFY_BACKUP = "verify-backup";
    public static final String SAFETY_BACKUP = "safety-backup";
    public static final String STAGE = "stage";
    public static final String RESTORE = "restore";
    public static final String VERIFY = "verify";
    public static final String CLEANUP = "cleanup";

    /** The backup restored (or, in check mode, that would be). */
    public static final Facts.Key<String> RESTORED_BACKUP = Facts.Key.of("restored backup", String.class);
    /** The safety backup taken before restoring: the one that undoes the restore. */
    public static final Facts.Key<String> SAFETY_BACKUP_NAME = Facts.Key.of("safety backup", String.class);

    private DbRestore() {
    }

    public static Procedure procedure(DbRestoreOptions options) {
        return new Procedure(PROCEDURE_ID, List.of(
                new RestorePreflightStep(options),
                new VerifyBackupStep(options),
                new SafetyBackupStep(options),
                new StageStep(options),
                new RestoreTablesStep(options),
                new RestoreVerifyStep(options),
                new RestoreCleanupStep(options)))
                .withFinaliser(DbRestore::cleanUp);
    }

    /** Whatever happened: the directories this run made are removed and the node's lock is released. */
    private static void cleanUp(StepContext context, List<StepResult> results)
            throws ShellException, InterruptedException {
        RestoreRun run = context.facts().get(RestoreRun.KEY).orElse(null);
        if (run == null) {
            return;
        }
        try {
            RestoreCleanupStep.removeMadeDirectories(context, run);
        } finally {
            if (run.lockHeld) {
                context.run(context.primary(), NodeScripts.script(NodeScripts.RELEASE_LOCK, run.root(), run.lockToken)
                        .withTimeout(Duration.ofSeconds(60)));
                run.lockHeld = false;
            }
        }
    }
}
