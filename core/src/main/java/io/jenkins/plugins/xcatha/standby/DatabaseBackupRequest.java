package io.jenkins.plugins.xcatha.standby;

/**
 * The integration point with the db-backup procedure: what backup-database hands on when backupDatabase
 * is set. When {@code io.jenkins.plugins.xcatha.backup} lands, this carries its {@code DbBackupOptions}
 * and {@link BackupDatabaseStep} runs its steps on the primary.
 */
public interface DatabaseBackupRequest {

    /** @throws io.jenkins.plugins.xcatha.config.InvalidInputException naming the field and the value */
    void validate();
}
