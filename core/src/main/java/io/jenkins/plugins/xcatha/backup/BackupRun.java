package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import java.time.Instant;
import java.util.List;

/**
 * What the steps of one db-backup run learn and hold, passed from step to step through the run's facts.
 * Used by the runner's thread only (steps run one after the other), so it needs no locking.
 */
final class BackupRun {
    static final Facts.Key<BackupRun> KEY = Facts.Key.of("db-backup run", BackupRun.class);

    final DbBackupOptions options;
    String xcatVersion;
    DatabaseEngine engine;
    String lockToken;
    boolean lockHeld;
    Instant nodeNow;
    List<StoredBackup> stored = List.of();
    BackupMetadata previous;
    BackupName name;
    boolean partialExists;
    /** A dump that failed verification stays for inspection (as .partial-, never looking complete). */
    boolean keepPartial;
    boolean committed;
    DumpErrors dumpErrors = new DumpErrors();
    CsvFileCheck.Listing listing;
    DumpVerifier.Verdict verdict;
    Sha256Manifest manifest;

    BackupRun(DbBackupOptions options) {
        this.options = options;
    }

    static BackupRun of(StepContext context) {
        return context.facts().get(KEY).orElseThrow(() -> new IllegalStateException("preflight has not run"));
    }

    String root() {
        return options.backupRoot();
    }

    String partialPath() {
        return root() + "/" + name.partialName();
    }

    String finalPath() {
        return root() + "/" + name.value();
    }
}
