package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "standby-prepare", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Prepare the standby management node (check first, change only what is needed).",
        versionProvider = Version.class,
        description = {
            "Prepares the standby xCAT management node: checks both nodes, then makes the standby ready to take"
                    + " over (SSH trust both ways, xcatd and DHCP stopped and kept from starting at boot, HPC daemons"
                    + " stopped, ...). It never stops or reconfigures the active primary.",
            "",
            "Steps: preflight, database-engine, shared-data, xcatd-verify, name-resolution, ssh-trust, time-sync,"
                    + " stop-xcat-services, stop-hpc-daemons, backup-database.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xcat-ha standby-prepare --primary mn1 --standby mn2 --check",
            "  xcat-ha standby-prepare --primary mn1 --standby mn2:2222 --identity ~/.ssh/id_ed25519 --out build",
            "  xcat-ha standby-prepare --primary 10.0.0.1 --standby 10.0.0.2 --hpc-daemons gpfs --max-clock-skew 5",
            "  xcat-ha standby-prepare --primary mn1 --standby mn2 --backup-database --collect --out build",
            "",
            "Exit codes: 0 SUCCESS, 1 FAILURE, 2 bad usage, 3 UNSTABLE (1 with --fail-on-warning)."})
final class StandbyPrepareCommand extends ProcedureCommand {
    @Option(names = "--primary", required = true, paramLabel = "HOST[:PORT]", order = 1,
            description = "The active management node (never stopped or reconfigured).")
    String primary;

    @Option(names = "--standby", required = true, paramLabel = "HOST[:PORT]", order = 2,
            description = "The node to prepare as standby.")
    String standby;

    @Option(names = "--shared-dir", paramLabel = "DIR", order = 3,
            description = "A directory on shared storage that must not be mounted on the standby; repeat for each"
                    + " (default: /etc/xcat, /install, ~/.xcat, /tftpboot and the database directory).")
    List<String> sharedDirs = new ArrayList<>();

    @Option(names = "--hpc-daemons", paramLabel = "teal,cnm,loadl,gpfs", split = ",", order = 4,
            description = "HPC daemons to stop and disable on the standby, or none (default: all four).")
    List<String> hpcDaemons = new ArrayList<>();

    @Option(names = "--max-clock-skew", paramLabel = "SECONDS", defaultValue = "2", order = 5,
            description = "Largest clock difference accepted between the nodes (default: ${DEFAULT-VALUE}).")
    int maxClockSkewSeconds;

    @Option(names = "--ntp-server", paramLabel = "HOST", order = 6,
            description = "Point both nodes' NTP/chrony at this server (default: leave their configuration).")
    String ntpServer;

    @Option(names = "--generate-keys", order = 7,
            description = "Create a root SSH key pair on a node that has none (default: report it as FAILED).")
    boolean generateKeys;

    @Option(names = "--backup-database", order = 8,
            description = "Finish with a verified dumpxCATdb backup on the primary, taken as db-backup takes it with"
                    + " the backup options below (default: SKIPPED).")
    boolean backupDatabase;

    @Mixin
    BackupOptions backup;

    @Option(names = "--init-system", paramLabel = "systemd|sysv|src", order = 9,
            description = "Service manager of the nodes, instead of detecting it.")
    String initSystem;

    @Override
    String procedureId() {
        return "standby-prepare";
    }

    @Override
    Map<Node.Role, HostAndPort> hosts() {
        StandbyPrepare.Targets targets = StandbyPrepare.targets(primary, standby);
        Map<Node.Role, HostAndPort> hosts = new LinkedHashMap<>();
        hosts.put(Node.Role.PRIMARY, targets.primary());
        hosts.put(Node.Role.STANDBY, targets.standby());
        return hosts;
    }

    @Override
    Procedure procedure(Path artifactDirectory) {
        return Procedures.standbyPrepare(this, run.check, artifactDirectory);
    }
}
