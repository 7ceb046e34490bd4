package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.backup.DbBackup;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;

/**
 * "(Optional) Backup the xCAT database tables for the current configuration on primary management node,
 * using command dumpxCATdb -p": delegates to the db-backup procedure on the primary, where xcatd runs (a
 * dump on the standby would come after its xcatd was stopped; xcat-facts 1.5).
 */
final class BackupDatabaseStep extends AbstractStep {
    static final String ID = "backup-database";
    private final StandbyPrepareOptions options;

    BackupDatabaseStep(StandbyPrepareOptions options) {
        super(ID, "Verified backup of the xCAT database on the primary (optional)",
                HostScope.PRIMARY, PreflightStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (!options.backupDatabase()) {
            return Outcome.skipped("not asked for (" + options.vocabulary().name("backupDatabase") + " is off)");
        }
        return DbBackup.runWithin(context, options.backup());
    }
}
