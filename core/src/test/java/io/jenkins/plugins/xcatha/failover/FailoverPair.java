package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.openssh.OpenSshShell;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.StepResult;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs failover (and the standby-prepare after it) against a simulated pair over real SSH. */
final class FailoverPair {
    /** Commands that change a node: none of them may run in check mode. */
    private static final Set<String> ALWAYS_CHANGES = Set.of("makedns", "makedhcp", "makeconservercf", "umount",
            "startsrc", "stopsrc", "chitab", "mmshutdown", "mmstartup", "mmchconfig", "llctl", "chnwm", "chtab",
            "db2iauto", "varyonvg", "varyoffvg");

    private FailoverPair() {
    }

    /**
     * The standby as standby-prepare leaves it: xcatd, DHCP and conserver stopped and kept from starting at boot
     * (the database server and the HPC daemons too, as the HA docs ask).
     */
    static void prepared(SimulatedNode standby) {
        for (String s : standby.installedServices()) {
            if (s.equals(standby.flavour().timeDaemon())) {
                continue;
            }
            standby.inject(io.jenkins.plugins.xcatha.testkit.Fault.serviceStopped(s));
            standby.inject(io.jenkins.plugins.xcatha.testkit.Fault.serviceDisabled(s));
        }
        if (standby.engine() == io.jenkins.plugins.xcatha.testkit.DbEngine.DB2) {
            String bin = standby.flavour().isAix() ? "/opt/IBM/db2/V11.5/" : "/opt/ibm/db2/V11.5/";
            standby.observe(bin + "bin/db2gcf", "-d", "-i", "xcatdb");
            standby.observe(bin + "instance/db2iauto", "-off", "xcatdb");
        }
    }

    /**
     * The operator fixed the cause of one injected fault (its flag file in the node's state, or the cluster's
     * "vip-in-use"), leaving the others, such as the prepared standby's stopped services, as they are.
     */
    static void fixed(SimulatedNode node, String flag) {
        java.nio.file.Path state = node.stateDir();
        java.nio.file.Path file = flag.equals("vip-in-use") ? state.getParent().getParent().resolve("cluster/vip-in-use")
                : state.resolve("faults").resolve(flag);
        try {
            if (!java.nio.file.Files.deleteIfExists(file)) {
                throw new IllegalStateException("no fault flag " + file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Node node(SimulatedCluster sim, SimulatedNode node, Node.Role role) {
        SshCredentials key = SshCredentials.privateKey("root", sim.clientKey().privateKeyPem().toCharArray(), null);
        ShellSettings settings = ShellSettings.defaults().withConnectionTimeouts(Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(3)).withConnectAttempts(1);
        return new Node(role, node.address(), new OpenSshShell(new HostAndPort(node.address(), node.port()), key,
                new KnownHostsFileVerification(sim.knownHostsFile()), settings));
    }

    /** The failover options for the simulated cluster's virtual IP on eth0 (AIX: en0, shared volume group xcatvg). */
    static FailoverOptions.Builder options(SimulatedCluster sim) {
        boolean aix = sim.standby().flavour().isAix();
        return FailoverOptions.builder().virtualIp(sim.virtualIp() + "/8")
                .interfaceName(aix ? "en0" : "eth0")
                .sharedVolumeGroup(aix ? SimulatedCluster.SHARED_VOLUME_GROUP : null);
    }


    static ProcedureReport failover(SimulatedCluster sim, FailoverOptions options) {
        Cluster cluster = Cluster.of(node(sim, sim.primary(), Node.Role.PRIMARY), node(sim, sim.standby(), Node.Role.STANDBY));
        try {
            return new ProcedureRunner().run(Failover.procedure(options), cluster, Failover.mode(options), ProgressListener.NONE);
        } finally {
            cluster.nodes().forEach(n -> n.shell().close());
        }
    }

    /** A planned failover aborted (as a Jenkins abort interrupts it) when step {@code abortAt} starts. */
    static ProcedureReport plannedAbortedAt(SimulatedCluster sim, String abortAt) {
        FailoverOptions options = options(sim).planned(true).build();
        Cluster cluster = Cluster.of(node(sim, sim.primary(), Node.Role.PRIMARY), node(sim, sim.standby(), Node.Role.STANDBY));
        ProgressListener abort = new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, io.jenkins.plugins.xcatha.procedure.ProcedureStep step, String host) {
                if (step.id().equals(abortAt)) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            return new ProcedureRunner().run(Failover.procedure(options), cluster, Failover.mode(options), abort);
        } finally {
            Thread.interrupted();
            cluster.nodes().forEach(n -> n.shell().close());
        }
    }

    static ProcedureReport planned(SimulatedCluster sim) {
        return failover(sim, options(sim).planned(true).build());
    }

    /** standby-prepare with the roles swapped: the new primary is the old standby. */
    static ProcedureReport prepareOldPrimary(SimulatedCluster sim) {
        Cluster cluster = Cluster.of(node(sim, sim.standby(), Node.Role.PRIMARY), node(sim, sim.primary(), Node.Role.STANDBY));
        StandbyPrepareOptions options = StandbyPrepareOptions.builder().build();
        try {
            return new ProcedureRunner().run(StandbyPrepare.procedure(options), cluster, StandbyPrepare.mode(options),
                    ProgressListener.NONE);
        } finally {
            cluster.nodes().forEach(n -> n.shell().close());
        }
    }

    static String explain(ProcedureReport report) {
        StringBuilder sb = new StringBuilder();
        for (StepResult s : report.steps()) {
            sb.append('\n').append(s.id()).append(' ').append(s.status()).append(": ").append(s.message());
        }
        return sb.toString();
    }

    static StepResult step(ProcedureReport report, String id) {
        return report.step(id).orElseThrow();
    }

    /** Every command a node ran that changes it (from its audit log): empty after a check-mode run. */
    static List<String> changesMade(SimulatedNode node) {
        List<String> found = new ArrayList<>();
        for (List<String> argv : node.invocations()) {
            String cmd = argv.get(0);
            String verb = argv.size() > 1 ? argv.get(1) : "";
            boolean changes = ALWAYS_CHANGES.contains(cmd)
                    || (cmd.equals("systemctl") && Set.of("start", "stop", "enable", "disable", "restart").contains(verb))
                    || (cmd.equals("service") && argv.size() > 2 && !argv.get(2).equals("status"))
                    || (cmd.equals("chkconfig") && argv.contains("off"))
                    || (cmd.equals("ip") && (argv.contains("add") || argv.contains("del")))
                    || (cmd.equals("ifconfig") && (argv.contains("alias") || argv.contains("delete")))
                    || (cmd.equals("mount") && argv.size() > 1)
                    || (cmd.equals("db2gcf") && !argv.contains("-s"))
                    || (cmd.equals("exportfs") && (argv.contains("-a") || argv.contains("-ua")));
            if (changes) {
                found.add(String.join(" ", argv));
            }
        }
        return found;
    }
}
