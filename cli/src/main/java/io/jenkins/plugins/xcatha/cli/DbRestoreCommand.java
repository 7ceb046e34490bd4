package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.backup.DbRestore;
import io.jenkins.plugins.xcatha.backup.DbRestoreOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db-restore", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Put a verified db-backup backup back into the xCAT database, and prove it came back.",
        versionProvider = Version.class,
        description = {
            "Restores a backup db-backup made on the node (--backup NAME, or the latest) or an archive it"
                    + " collected (--archive FILE on this machine): checks every file against the backup's manifest,"
                    + " backs up the database as it is first (undo it by restoring that one), copies only the"
                    + " manifest's table files into a fresh staging directory, runs restorexCATdb on it (through xcatd,"
                    + " or with XCATBYPASS=1 where xcatd is stopped), reads every table back and compares it with"
                    + " the backup.",
            "",
            "Steps: preflight, verify-backup, safety-backup, stage, restore, verify, cleanup.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xcat-ha db-restore --host mn1 --check",
            "  xcat-ha db-restore --host mn1 --backup xcatdb-20261205T020926Z",
            "  xcat-ha db-restore --host mn1 --archive build/xcat-ha/db-backup/xcatdb-20261205T020926Z.tar.gz",
            "",
            "Exit codes: 0 SUCCESS, 1 FAILURE, 2 bad usage, 3 UNSTABLE (1 with --fail-on-warning)."})
final class DbRestoreCommand extends ProcedureCommand {
    @Option(names = "--host", required = true, paramLabel = "HOST[:PORT]", order = 1,
            description = "The management node whose database is restored.")
    String host;

    @Option(names = "--backup", paramLabel = "NAME|latest", order = 2,
            description = "A backup db-backup made on the node (default: the latest).")
    String backup;

    @Option(names = "--archive", paramLabel = "FILE", order = 3,
            description = "Instead: an archive db-backup collected (xcatdb-<time>.tar.gz) on this machine.")
    Path archive;

    @Option(names = "--no-safety-backup", order = 4,
            description = "Do not back up the database as it is first (the restore then cannot be undone).")
    boolean noSafetyBackup;

    @Option(names = "--restore-on-standby", order = 5,
            description = "Restore a node that does not carry site.master (a standby: its copy would diverge from"
                    + " the database the active node serves).")
    boolean restoreOnStandby;

    @Option(names = "--backup-root", paramLabel = "DIR", defaultValue = DbBackupOptions.DEFAULT_BACKUP_ROOT, order = 6,
            description = "Where db-backup keeps the backups on the node (default: ${DEFAULT-VALUE}).")
    String backupRoot;

    @Option(names = "--restore-timeout", paramLabel = "SECONDS", order = 7,
            defaultValue = "" + DbRestoreOptions.DEFAULT_RESTORE_TIMEOUT_SECONDS,
            description = "Limit of restorexCATdb itself (default: ${DEFAULT-VALUE}).")
    int restoreTimeoutSeconds;

    @Option(names = "--dump-timeout", paramLabel = "SECONDS", order = 8,
            defaultValue = "" + DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS,
            description = "Limit of the safety backup's dump (default: ${DEFAULT-VALUE}).")
    int dumpTimeoutSeconds;

    @Override
    String procedureId() {
        return DbRestore.PROCEDURE_ID;
    }

    @Override
    Map<Node.Role, HostAndPort> hosts() {
        return Map.of(Node.Role.PRIMARY, HostAndPort.parse("--host", host, HostAndPort.SSH_PORT));
    }

    @Override
    Procedure procedure(Path artifactDirectory) {
        if (archive != null && backup != null) {
            throw new UsageException("--archive", "give either --backup NAME or --archive FILE, not both");
        }
        return DbRestore.procedure(DbRestoreOptions.builder()
                .backupRoot(backupRoot)
                .backup(backup)
                .archive(archive)
                .safetyBackup(!noSafetyBackup)
                .restoreOnStandby(restoreOnStandby)
                .restoreTimeoutSeconds(restoreTimeoutSeconds)
                .dumpTimeoutSeconds(dumpTimeoutSeconds)
                .vocabulary(Vocabulary.CLI)
                .build());
    }
}
