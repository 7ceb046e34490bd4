package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a verified database backup is taken: the options of {@code db-backup}, shared with
 * {@code standby-prepare --backup-database}, which runs the same backup on the primary.
 */
final class BackupOptions {
    @Option(names = "--backup-root", paramLabel = "DIR", defaultValue = DbBackupOptions.DEFAULT_BACKUP_ROOT, order = 30,
            description = "Where dumps go on the node (default: ${DEFAULT-VALUE}).")
    String backupRoot;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "7", order = 31,
            description = "Backups to keep on the node (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--max-age", paramLabel = "DAYS", order = 32,
            description = "Also remove backups older than this (default: no age limit).")
    Integer maxAgeDays;

    @Option(names = "--all-tables", order = 33,
            description = "Dump every table, including the audit and event logs (dumpxCATdb -a).")
    boolean allTables;

    @Option(names = "--native", order = 34, description = "Use the database's own backup tool (dumpxCATdb -b).")
    boolean nativeBackup;

    @Option(names = "--collect", order = 35,
            description = "Copy the verified backup into the artifact folder (needs --out).")
    boolean collect;

    @Option(names = "--bypass", order = 36,
            description = "Dump with XCATBYPASS=1, straight from the database: works while xcatd is down, about 8"
                    + " times slower.")
    boolean useBypass;

    @Option(names = "--dump-timeout", paramLabel = "SECONDS", order = 37,
            defaultValue = "" + DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS,
            description = "Limit for the dump itself, which is exempt from --command-timeout (default:"
                    + " ${DEFAULT-VALUE}).")
    int dumpTimeoutSeconds;

    @Option(names = "--essential-tables", paramLabel = "TABLE[,TABLE...]", split = ",", order = 38,
            description = "Tables every backup must contain and that must not lose all their rows (default:"
                    + " site,passwd,policy). A table that never had rows, such as passwd on a fresh management"
                    + " node, is noted, not failed.")
    List<String> essentialTables = new ArrayList<>(DbBackupOptions.DEFAULT_ESSENTIAL_TABLES);

    @Option(names = "--accept-row-loss", paramLabel = "TABLE[,TABLE...]", split = ",", order = 39,
            description = "For this run only: these tables lost rows on purpose (rows deleted with chtab -d or"
                    + " rmdef). The loss is recorded in the report and later backups compare with this one.")
    List<String> acceptRowLoss = new ArrayList<>();

    /**
     * The engine's options, collecting into {@code artifactDirectory} with {@code --collect}.
     *
     * @param artifactDirectory this run's artifact folder, null without {@code --out}
     */
    DbBackupOptions options(Path artifactDirectory, String procedureId) {
        if (collect && artifactDirectory == null) {
            throw new UsageException("--collect", "needs --out DIR: the backup is copied into DIR/xcat-ha/"
                    + procedureId + "[-n]/");
        }
        return DbBackupOptions.builder()
                .backupRoot(backupRoot)
                .keep(keep)
                .maxAgeDays(maxAgeDays)
                .allTables(allTables)
                .nativeBackup(nativeBackup)
                .collectInto(collect ? artifactDirectory : null)
                .useBypass(useBypass)
                .dumpTimeoutSeconds(dumpTimeoutSeconds)
                .essentialTables(trimmed(essentialTables))
                .acceptRowLoss(trimmed(acceptRowLoss))
                .vocabulary(Vocabulary.CLI)
                .build();
    }

    private static List<String> trimmed(List<String> names) {
        return names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }
}
