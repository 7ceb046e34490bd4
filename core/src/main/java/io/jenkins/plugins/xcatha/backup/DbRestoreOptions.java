package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Validate;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a db-restore run is asked to do: which backup (one db-backup made on the node, by name or the latest, or
 * an archive db-backup collected), whether to take a safety backup first, and whether a standby may be
 * restored. Immutable; {@link Builder#build()} checks every field before anything touches a node.
 */
public final class DbRestoreOptions {
    public static final String LATEST = "latest";
    /** restorexCATdb took 29 s through xcatd and 93 s on a loaded node for 71 tables: ample margin. */
    public static final int DEFAULT_RESTORE_TIMEOUT_SECONDS = 1800;
    /** An archive is sent to the node in one piece; an xCAT database is a few MB, this is far above it. */
    public static final long LARGEST_ARCHIVE_BYTES = 512L * 1024 * 1024;

    private final String backupRoot;
    private final String backup;
    private final Path archive;
    private final boolean safetyBackup;
    private final boolean restoreOnStandby;
    private final int restoreTimeoutSeconds;
    private final int dumpTimeoutSeconds;
    private final int lockWaitSeconds;
    private final Vocabulary vocabulary;

    private DbRestoreOptions(Builder b) {
        this.vocabulary = Objects.requireNonNull(b.vocabulary, "vocabulary");
        // the safety backup's options check the backup root and the dump timeout
        this.backupRoot = DbBackupOptions.builder().backupRoot(b.backupRoot).dumpTimeoutSeconds(b.dumpTimeoutSeconds)
                .build().backupRoot();
        boolean named = b.backup != null && !b.backup.isBlank();
        if (named && b.archive != null) {
            throw new InvalidInputException("archive", "give either backup (a backup on the node) or archive (a"
                    + " collected .tar.gz), not both");
        }
        this.archive = b.archive == null ? null : b.archive.toAbsolutePath().normalize();
        String name = named ? b.backup.strip() : LATEST;
        if (!name.equals(LATEST) && BackupName.parse(name).isEmpty()) {
            throw new InvalidInputException("backup", "'" + name + "' is neither 'latest' nor a backup name as"
                    + " db-backup makes them (xcatdb-<UTC time>, e.g. xcatdb-20261205T020926Z)");
        }
        this.backup = this.archive == null ? name : null;
        this.safetyBackup = b.safetyBackup;
        this.restoreOnStandby = b.restoreOnStandby;
        this.restoreTimeoutSeconds = Validate.between("restoreTimeoutSeconds", b.restoreTimeoutSeconds, 10, 86_400);
        this.dumpTimeoutSeconds = b.dumpTimeoutSeconds;
        this.lockWaitSeconds = Validate.between("lockWaitSeconds", b.lockWaitSeconds, 0, 86_400);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String backupRoot() {
        return backupRoot;
    }

    /** The backup on the node: {@value #LATEST} or a name; null when restoring an {@link #archive()}. */
    public String backup() {
        return backup;
    }

    /** A collected {@code xcatdb-....tar.gz} on this machine, or null to restore a backup on the node. */
    public Path archive() {
        return archive;
    }

    public boolean safetyBackup() {
        return safetyBackup;
    }

    /** Restore a node that is not the active management node (its copy of the database would diverge). */
    public boolean restoreOnStandby() {
        return restoreOnStandby;
    }

    public int restoreTimeoutSeconds() {
        return restoreTimeoutSeconds;
    }

    public int lockWaitSeconds() {
        return lockWaitSeconds;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The safety backup: the database as it is now, kept whatever it holds (a restore is usually run because
     * rows were lost, so the row-count rules of a scheduled backup would refuse exactly this snapshot), under
     * the lock the restore holds, removing no other backup.
     */
    DbBackupOptions safetyBackupOptions(String heldLockToken, boolean bypass) {
        return DbBackupOptions.builder()
                .backupRoot(backupRoot)
                .keep(10_000)
                .dumpTimeoutSeconds(dumpTimeoutSeconds)
                .essentialTables(List.of())
                .maxRowLossPercent(100)
                .useBypass(bypass)
                .heldLockToken(heldLockToken)
                .vocabulary(vocabulary)
                .build();
    }

    @Override
    public String toString() {
        return "DbRestoreOptions{backupRoot=" + backupRoot + ", backup=" + backup + ", archive=" + archive
                + ", safetyBackup=" + safetyBackup + ", restoreOnStandby=" + restoreOnStandby
                + ", restoreTimeoutSeconds=" + restoreTimeoutSeconds + "}";
    }

    /** Collects options; {@link #build()} validates them all. */
    public static final class Builder {
        private String backupRoot = DbBackupOptions.DEFAULT_BACKUP_ROOT;
        private String backup;
        private Path archive;
        private boolean safetyBackup = true;
        private boolean restoreOnStandby;
        private int restoreTimeoutSeconds = DEFAULT_RESTORE_TIMEOUT_SECONDS;
        private int dumpTimeoutSeconds = DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS;
        private int lockWaitSeconds = DbBackupOptions.DEFAULT_LOCK_WAIT_SECONDS;
        private Vocabulary vocabulary = Vocabulary.PIPELINE;

        private Builder() {
        }

        public Builder backupRoot(String value) {
            this.backupRoot = value;
            return this;
        }

        /** {@value #LATEST} or a backup name; null or blank: the latest. */
        public Builder backup(String value) {
            this.backup = value;
            return this;
        }

        public Builder archive(Path value) {
            this.archive = value;
            return this;
        }

        public Builder safetyBackup(boolean value) {
            this.safetyBackup = value;
            return this;
        }

        public Builder restoreOnStandby(boolean value) {
            this.restoreOnStandby = value;
            return this;
        }

        public Builder restoreTimeoutSeconds(int value) {
            this.restoreTimeoutSeconds = value;
            return this;
        }

        public Builder dumpTimeoutSeconds(int value) {
            this.dumpTimeoutSeconds = value;
            return this;
        }

        public Builder lockWaitSeconds(int value) {
            this.lockWaitSeconds = value;
            return this;
        }

        public Builder vocabulary(Vocabulary value) {
            this.vocabulary = value;
            return this;
        }

        public DbRestoreOptions build() {
            return new DbRestoreOptions(this);
        }
    }
}
