package io.jenkins.plugins.xcatha.plugin;

import io.jenkins.plugins.xcatha.jenkins.Invocation;

/** What xcatDbRestore and its build step hold besides the common settings: which backup, and how safely. */
interface RestoreSettings extends XcatSettings {
    String getHost();

    /** Blank: the latest backup on the node. */
    String getBackup();

    /** A collected archive, as a path inside the workspace; blank: a backup on the node. */
    String getArchive();

    boolean isSafetyBackup();

    boolean isRestoreOnStandby();

    String getBackupRoot();

    int getRestoreTimeoutSeconds();

    int getDumpTimeoutSeconds();

    /** The db-restore request with every field, unchecked: building it checks them. */
    default Invocation.Builder restoreRequest() {
        return invocation(Invocation.Procedure.DB_RESTORE)
                .primary(getHost())
                .backup(getBackup())
                .archive(getArchive())
                .safetyBackup(isSafetyBackup())
                .restoreOnStandby(isRestoreOnStandby())
                .backupRoot(getBackupRoot())
                .restoreTimeoutSeconds(getRestoreTimeoutSeconds())
                .dumpTimeoutSeconds(getDumpTimeoutSeconds());
    }
}
