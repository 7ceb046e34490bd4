package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.backup.DbBackup;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.Set;

/**
 * "(Optional) Backup the xCAT database tables for the current configuration on primary management node,
 * using command dumpxCATdb -p": delegates to the db-backup procedure on the primary, where xcatd runs (a
 * dump on the standby would come after its xcatd was stopped; xcat-facts 1.5).
 */
final class BackupDatabaseStep implements ProcedureStep {
    static final String ID = "backup-database";
    private final StandbyPrepareOptions options;

    BackupDatabaseStep(StandbyPrepareOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Verified backup of the xCAT database on the primary (optional)";
    }

    @Override
    public String host(Cluster cluster) {
        return cluster.primary().name();
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(PreflightStep.ID);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (!options.backupDatabase()) {
            return Outcome.skipped("not asked for (backupDatabase is off)");
        }
        return DbBackup.runWithin(context, options.backup());
    }
}
