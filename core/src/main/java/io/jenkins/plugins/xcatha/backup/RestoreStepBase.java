package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;

/** What every db-restore step shares: it runs on the one node restored, under a stable id. */
abstract class RestoreStepBase extends AbstractStep {
    protected final DbRestoreOptions options;

    RestoreStepBase(String id, String title, DbRestoreOptions options, String... dependsOn) {
        super(id, title, HostScope.PRIMARY, dependsOn);
        this.options = options;
    }

    /** What an operator does when a restore stopped halfway: put back what was there. */
    String undo(RestoreRun run) {
        if (run.safetyBackupName != null) {
            return "The safety backup " + run.safetyBackupName + " holds the database as it was: restore it with "
                    + options.vocabulary().given("backup", run.safetyBackupName) + ".";
        }
        return "No safety backup was taken (" + options.vocabulary().disabled("safetyBackup") + ").";
    }
}
