package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the steps of one db-restore run learn and hold, passed from step to step through the run's facts. */
final class RestoreRun {
    static final Facts.Key<RestoreRun> KEY = Facts.Key.of("db-restore run", RestoreRun.class);

    final DbRestoreOptions options;
    String xcatVersion;
    DatabaseEngine engine;
    /** xcatd is stopped (a standby): every xCAT command runs with XCATBYPASS=1. */
    boolean bypass;
    String lockToken;
    boolean lockHeld;
    /** The backup being restored and where its verified files are on the node. */
    String backupName;
    String backupDirectory;
    Sha256Manifest manifest;
    BackupMetadata metadata;
    /** The backup's tables, from its manifest (TABLE.csv), in manifest order. */
    List<String> tables = List.of();
    /** The backup's CSV content per table, read once (verify-backup in check mode, verify after restoring). */
    Map<String, String> backupContent;
    String safetyBackupName;
    /** Directories this run made on the node, removed at the end whatever happens. */
    final List<String> madeDirectories = new ArrayList<>();
    String stagingDirectory;
    boolean restoreStarted;

    RestoreRun(DbRestoreOptions options) {
        this.options = options;
    }

    static RestoreRun of(StepContext context) {
        return context.facts().get(KEY).orElseThrow(() -> new IllegalStateException("preflight has not run"));
    }

    String root() {
        return options.backupRoot();
    }

    /** An xCAT command as this node needs it: through xcatd, or with XCATBYPASS where xcatd is stopped. */
    Command xcat(Command command, Duration timeout) {
        Command c = command.withTimeout(timeout);
        return bypass ? c.withEnvironment("XCATBYPASS", "1") : c;
    }
}
