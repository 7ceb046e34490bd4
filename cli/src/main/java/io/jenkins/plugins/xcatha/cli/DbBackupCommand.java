package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db-backup", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Take a verified xCAT database backup with dumpxCATdb.", versionProvider = Version.class,
        description = {
            "Takes a verified xCAT database backup with dumpxCATdb on the management node: checks the dump"
                    + " (every table present and readable), writes SHA-256 checksums, optionally copies it here"
                    + " (--collect), then prunes old backups (--keep, --max-age).",
            "",
            "Steps: preflight, dump, verify, checksum, collect, retention.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xcat-ha db-backup --host mn1 --check",
            "  xcat-ha db-backup --host mn1 --collect --out build --keep 14",
            "  xcat-ha db-backup --host mn1 --native --backup-root /data/xcat-backups --max-age 30",
            "",
            "Exit codes: 0 SUCCESS, 1 FAILURE, 2 bad usage, 3 UNSTABLE (1 with --fail-on-warning)."})
final class DbBackupCommand extends ProcedureCommand {
    @Option(names = "--host", required = true, paramLabel = "HOST[:PORT]", order = 1,
            description = "The management node whose database is backed up.")
    String host;

    @Option(names = "--backup-root", paramLabel = "DIR", defaultValue = "/var/backup/xcat", order = 2,
            description = "Where dumps go on the node (default: ${DEFAULT-VALUE}).")
    String backupRoot;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "7", order = 3,
            description = "Backups to keep on the node (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--max-age", paramLabel = "DAYS", order = 4,
            description = "Also remove backups older than this (default: no age limit).")
    Integer maxAgeDays;

    @Option(names = "--all-tables", order = 5,
            description = "Dump every table, including the audit and event logs (dumpxCATdb -a).")
    boolean allTables;

    @Option(names = "--native", order = 6, description = "Use the database's own backup tool (dumpxCATdb -b).")
    boolean nativeBackup;

    @Option(names = "--collect", order = 7,
            description = "Copy the verified backup into the artifact folder (needs --out).")
    boolean collect;

    @Override
    String procedureId() {
        return "db-backup";
    }

    @Override
    Map<Node.Role, HostAndPort> hosts() {
        return Map.of(Node.Role.PRIMARY, HostAndPort.parse("--host", host, HostAndPort.SSH_PORT));
    }

    @Override
    Procedure procedure(Path artifactDirectory) {
        return Procedures.dbBackup(this, artifactDirectory);
    }
}
