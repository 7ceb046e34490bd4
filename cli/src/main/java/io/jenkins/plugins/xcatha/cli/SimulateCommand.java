package io.jenkins.plugins.xcatha.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Start a simulated primary and standby and keep them until interrupted.",
                versionProvider = Version.class,
        description = {
            "Starts a simulated xCAT primary and standby management node (real OpenSSH servers, each in its own"
                    + " mount and UTS namespace, with fake xCAT, OS and HPC commands), prints how to reach them, and"
                    + " keeps them until interrupted (Ctrl-C or SIGTERM tears them down).",
            "",
            "Needs root, OpenSSH (server and client) and util-linux.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xcat-ha simulate",
            "  xcat-ha simulate --flavour aix7 --engine db2 --fault standby:clock-skew=30",
            "  xcat-ha simulate --json --fault standby:shared-data-mounted --fault primary:table-fails=nodelist",
            "",
            "Faults: command-fails=CMD[:RC[:STDERR]], command-hangs=CMD, network-drop, crash,",
            "  clock-skew=SECONDS, clock-unsynchronised, shared-data-mounted[=DIR], virtual-ip, engine=ENGINE,",
            "  tool-missing=CMD, xcatd-cannot-start, disk-full[=TABLES], table-corrupt=T, table-unopenable=T,",
            "  table-fails=T, dump-target-unwritable, dump-delay=MILLIS, service-stopped=S, service-disabled=S,",
            "  peer-unresolvable."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulatedPairOptions nodes;

    @Option(names = "--fault", paramLabel = "NODE:FAULT",
            description = "Inject a fault into primary or standby, e.g. standby:clock-skew=30; repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--json", description = "When ready, print one JSON line with each node's host, address, port,"
            + " identity and knownHosts.")
    boolean json;

    /** Counted down when the nodes are ready; tests wait on it before using them. */
    final CountDownLatch ready = new CountDownLatch(1);
    volatile SimulatedCluster cluster;

    @Override
    public Integer call() throws Exception {
        List<NodeSpec> specs = nodes.specs(faults);
        PrintWriter out = spec.commandLine().getOut();
        return Signals.interruptOnSignal(() -> {
            try (SimulatedCluster started = SimulatedPair.start(specs)) {
                cluster = started;
                if (json) {
                    out.println(json(started));
                } else {
                    printHuman(out, started);
                }
                out.flush();
                ready.countDown();
                new CountDownLatch(1).await();
            } catch (InterruptedException stop) {
                if (!json) {
                    out.println("Stopping the simulated nodes.");
                    out.flush();
                }
            }
            return ExitCode.SUCCESS;
        });
    }

    static String json(SimulatedCluster cluster) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        for (SimulatedNode node : cluster.nodes()) {
            ObjectNode n = root.putObject(node.role());
            n.put("host", node.hostname());
            n.put("address", node.address());
            n.put("port", node.port());
            n.put("identity", cluster.clientKey().privateKeyFile().toString());
            n.put("knownHosts", cluster.knownHostsFile().toString());
        }
        return root.toString();
    }

    private static void printHuman(PrintWriter out, SimulatedCluster cluster) {
        SimulatedNode primary = cluster.primary();
        SimulatedNode standby = cluster.standby();
        out.println("Simulated xCAT management nodes are ready:");
        out.println("  primary  " + SimulatedPair.describe(primary));
        out.println("  standby  " + SimulatedPair.describe(standby));
        out.println("  identity     " + cluster.clientKey().privateKeyFile());
        out.println("  known_hosts  " + cluster.knownHostsFile());
        out.println();
        out.println("Try, from another terminal:");
        String ssh = String.join(" ", SimulatedPair.sshOptions(cluster));
        out.println("  xcat-ha standby-prepare --primary " + primary.address() + " --standby " + standby.address()
                + " " + ssh + " --check");
        out.println("  xcat-ha db-backup --host " + primary.address() + " " + ssh);
        out.println("  ssh -i " + cluster.clientKey().privateKeyFile() + " -o UserKnownHostsFile="
                + cluster.knownHostsFile() + " root@" + standby.address() + " hostname");
        out.println();
        out.println("Press Ctrl-C to stop them.");
    }
}
