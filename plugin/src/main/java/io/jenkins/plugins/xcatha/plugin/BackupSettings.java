package io.jenkins.plugins.xcatha.plugin;

import io.jenkins.plugins.xcatha.jenkins.Invocation;

/**
 * How a database backup is taken: by db-backup, and by standby-prepare's backup-database step, which runs the
 * same backup on the primary. Held by {@link XcatBackupStep} and {@link XcatBackupBuilder}.
 */
interface BackupSettings extends XcatSettings {
    String getBackupRoot();

    int getKeep();

    /** 0: no age limit. */
    int getMaxAgeDays();

    boolean isAllTables();

    boolean isNativeBackup();

    boolean isCollect();

    boolean isUseBypass();

    int getDumpTimeoutSeconds();

    /** Blank: the defaults (site, passwd, policy). */
    String getEssentialTables();

    /** Blank: no row loss is accepted. */
    String getAcceptRowLoss();

    /** A request for {@code procedure} with these settings and the backup settings. */
    @Override
    default Invocation.Builder invocation(Invocation.Procedure procedure) {
        return XcatSettings.super
                .invocation(procedure)
                .backupRoot(getBackupRoot())
                .keep(getKeep())
                .maxAgeDays(getMaxAgeDays())
                .allTables(isAllTables())
                .nativeBackup(isNativeBackup())
                .collect(isCollect())
                .useBypass(isUseBypass())
                .dumpTimeoutSeconds(getDumpTimeoutSeconds())
                .essentialTables(getEssentialTables())
                .acceptRowLoss(getAcceptRowLoss());
    }
}
