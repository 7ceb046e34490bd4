package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "  xcat-ha db-backup --host mn1 --bypass --dump-timeout 3600",
            "",
            "Exit codes: 0 SUCCESS, 1 FAILURE, 2 bad usage, 3 UNSTABLE (1 with --fail-on-warning)."})
final class DbBackupCommand extends ProcedureCommand {
    @Option(names = "--host", required = true, paramLabel = "HOST[:PORT]", order = 1,
            description = "The management node whose database is backed up.")
    String host;

    @Mixin
    BackupOptions backup;

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
