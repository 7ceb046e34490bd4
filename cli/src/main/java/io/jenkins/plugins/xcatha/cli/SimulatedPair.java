package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Environment;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Starting a simulated primary and standby for simulate and demo, with what a user needs to reach them. */
final class SimulatedPair {
    static final String INSTALL_HINT = "On Debian or Ubuntu, as root: apt-get install -y openssh-server openssh-client"
            + " util-linux (the project's script: bash .ci/install-packages).";

    private SimulatedPair() {
    }

    /** Fails with exit code 4 and what to install when this machine cannot run simulated nodes. */
    static void requireUsableMachine() {
        String problem = Environment.problem();
        if (problem != null) {
            String next = problem.startsWith("needs root") ? "Run it as root (sudo ./xcat-ha ...): each node needs"
                    + " its own mount namespace and an sshd on port 22." : INSTALL_HINT;
            throw new EnvironmentException("simulated xCAT nodes cannot run on this machine: " + problem + ". " + next);
        }
    }

    /** {@code primary:clock-skew=30} → the standby or primary and a testkit fault. */
    static List<NodeSpec> specs(Flavour flavour, DbEngine engine, List<String> faults) {
        NodeSpec primary = NodeSpec.node("primary").flavour(flavour).engine(engine);
        NodeSpec standby = NodeSpec.node("standby").flavour(flavour).engine(engine);
        for (String text : faults) {
            int colon = text.indexOf(':');
            String node = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!node.equals("primary") && !node.equals("standby")) {
                throw new UsageException("--fault", "'" + text + "' must start with the node: primary:FAULT or"
                        + " standby:FAULT (e.g. standby:clock-skew=30)");
            }
            Fault fault;
            try {
                fault = Fault.parse(text.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new UsageException("--fault", "'" + text + "': " + e.getMessage());
            }
            (node.equals("primary") ? primary : standby).fault(fault);
        }
        List<NodeSpec> specs = new ArrayList<>();
        specs.add(primary);
        specs.add(standby);
        return specs;
    }

    static SimulatedCluster start(List<NodeSpec> specs) {
        requireUsableMachine();
        return SimulatedCluster.start(specs.toArray(new NodeSpec[0]));
    }

    /** The SSH options that reach {@code node} with the cluster's key and known_hosts file. */
    static List<String> sshOptions(SimulatedCluster cluster) {
        return List.of("--identity", cluster.clientKey().privateKeyFile().toString(),
                "--known-hosts", cluster.knownHostsFile().toString());
    }

    static String describe(SimulatedNode node) {
        return node.hostname() + " at " + node.address() + ":" + node.port() + " (" + node.flavour().osName() + ", "
                + node.engine().name().toLowerCase(Locale.ROOT) + ")";
    }
}
