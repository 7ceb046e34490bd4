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
import picocli.CommandLine.Option;

@Command(name = "failover", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Make the standby the active management node (planned, or after the primary died).",
        versionProvider = Version.class,
        description = {
            "Fails over an xCAT HA management node pair to the standby. Planned (--planned): the old primary answers"
                    + " and is deactivated first (conserver, DHCP, HPC daemons, xcatd and the database server stopped"
                    + " and kept from starting at boot, exports withdrawn, shared data unmounted, virtual IP removed)."
                    + " Unplanned: the old primary does not answer; it is refused unless you state that it is powered"
                    + " off or disconnected (--primary-down), and refused while the virtual IP still answers.",
            "Then the standby is activated, each step checking first: virtual IP, shared data, database server,"
                    + " xcatd, DNS/DHCP/console configuration, HPC daemons (--hpc-daemons), verification. Nothing is"
                    + " activated while the old primary holds the virtual IP, the shared data or a running xcatd."
                    + " Services are started, not enabled at boot. A stopped run continues where it stopped when run"
                    + " again; a second run changes nothing.",
            "",
            "Steps: preflight, deactivate-primary, virtual-ip, shared-data, database, start-xcatd, network-services,"
                    + " start-hpc-daemons, verify.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xcat-ha failover --primary mn1 --standby mn2 --virtual-ip 10.0.0.1/24 --interface eth0 --planned --check",
            "  xcat-ha failover --primary mn1 --standby mn2 --virtual-ip 10.0.0.1/24 --interface eth0 --planned --out build",
            "  xcat-ha failover --primary mn1 --standby mn2 --virtual-ip 10.0.0.1/24 --interface eth0 --primary-down",
            "  xcat-ha failover --primary aixmn1 --standby aixmn2 --virtual-ip 10.0.0.1/24 --interface en0 --planned \\",
            "      --shared-vg xcatvg",
            "",
            "Afterwards prepare the old primary as the new standby:",
            "  xcat-ha standby-prepare --primary mn2 --standby mn1",
            "",
            "Exit codes: 0 SUCCESS, 1 FAILURE, 2 bad usage, 3 UNSTABLE (1 with --fail-on-warning)."})
final class FailoverCommand extends ProcedureCommand {
    @Option(names = "--primary", required = true, paramLabel = "HOST[:PORT]", order = 1,
            description = "The old primary: deactivated first (--planned), or stated down (--primary-down).")
    String primary;

    @Option(names = "--standby", required = true, paramLabel = "HOST[:PORT]", order = 2,
            description = "The standby that becomes the active management node.")
    String standby;

    @Option(names = "--virtual-ip", required = true, paramLabel = "ADDR/PREFIX", order = 3,
            description = "The management virtual IP (site.master) with its prefix length, e.g. 10.0.0.1/24.")
    String virtualIp;

    @Option(names = "--interface", required = true, paramLabel = "NIC", order = 4,
            description = "The standby's interface that gets the virtual IP (e.g. eth0; AIX en0).")
    String interfaceName;

    @Option(names = "--planned", order = 5,
            description = "The old primary answers: deactivate it first.")
    boolean planned;

    @Option(names = "--primary-down", order = 6,
            description = "The old primary does not answer and you state that it is powered off or disconnected.")
    boolean primaryDown;

    @Option(names = "--shared-vg", paramLabel = "VG", order = 7,
            description = "AIX: the volume group of the shared file systems (xCAT's SHAREDVG), varied off at the old"
                    + " primary and on at the standby.")
    String sharedVolumeGroup;

    @Option(names = "--shared-dir", paramLabel = "DIR", order = 8,
            description = "A directory on shared storage; repeat for each (default: /etc/xcat, /install, ~/.xcat,"
                    + " /tftpboot and the database directory).")
    List<String> sharedDirs = new ArrayList<>();

    @Option(names = "--hpc-daemons", paramLabel = "teal,cnm,loadl,gpfs", split = ",", order = 9,
            description = "HPC daemons to start on the new primary (default: none); the old primary's are stopped"
                    + " (default: all four).")
    List<String> hpcDaemons = new ArrayList<>();

    @Option(names = "--init-system", paramLabel = "systemd|sysv|src", order = 10,
            description = "Service manager of the nodes, instead of detecting it.")
    String initSystem;

    @Override
    String procedureId() {
        return "failover";
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
        return Procedures.failover(this, run.check);
    }
}
