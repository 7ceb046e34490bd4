package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.Status;

/**
 * A fresh db-backup of the database as it is now, verified and sealed like any other, so that the restore can
 * itself be undone. Taken under the restore's lock, removing no other backup; skipped only when asked.
 */
final class SafetyBackupStep extends RestoreStepBase {

    SafetyBackupStep(DbRestoreOptions options) {
        super(DbRestore.SAFETY_BACKUP, "The database as it is now backed up first", options, DbRestore.VERIFY_BACKUP);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        RestoreRun run = RestoreRun.of(context);
        if (!options.safetyBackup()) {
            return Outcome.skipped("not asked for (" + options.vocabulary().disabled("safetyBackup") + "): this"
                    + " restore cannot be undone from a backup taken just before it");
        }
        if (context.checkMode()) {
            return Outcome.changed("would back up the database as it is now under " + run.root() + " first, so that"
                    + " the restore can be undone");
        }
        Outcome backup = DbBackup.runWithin(context, options.safetyBackupOptions(run.lockToken, run.bypass));
        if (backup.status() == Status.FAILED) {
            return Outcome.failed("the safety backup failed, so nothing was restored: " + backup.message());
        }
        run.safetyBackupName = context.facts().get(DbBackup.BACKUP_NAME).orElse(null);
        if (run.safetyBackupName == null) {
            return Outcome.failed("the safety backup reported no backup name, so nothing was restored: "
                    + backup.message());
        }
        context.facts().put(DbRestore.SAFETY_BACKUP_NAME, run.safetyBackupName);
        return Outcome.changed("the database as it was is in " + run.root() + "/" + run.safetyBackupName + "; to undo"
                + " this restore, restore that one with " + options.vocabulary().given("backup", run.safetyBackupName));
    }
}
