package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.openssh.OpenSshShell;
import io.jenkins.plugins.xcatha.exec.trilead.TrileadShell;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.run.ShellOpener;
import io.jenkins.plugins.xcatha.run.Shells;
import io.jenkins.plugins.xcatha.run.Transport;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;

/**
 * Shells on simulated nodes made exactly as the CLI makes them ({@link Shells} with a key file and a
 * known_hosts file, the CLI's default timeouts), so the benchmark measures the product's own code path.
 */
final class Lab {
    static final ShellSettings SETTINGS = Shells.settings(15, 1800);

    private Lab() {
    }

    static SimulatedCluster pair() {
        return SimulatedCluster.startPair();
    }

    static SshCredentials credentials(SimulatedCluster cluster) {
        return SshCredentials.identityFile("root", cluster.clientKey().privateKeyFile(), null);
    }

    static KnownHostsFileVerification hostKeys(SimulatedCluster cluster) {
        return new KnownHostsFileVerification(cluster.knownHostsFile());
    }

    static HostAndPort address(SimulatedNode node) {
        return new HostAndPort(node.address(), node.port());
    }

    static Shells shells(SimulatedCluster cluster, Transport transport) {
        return new Shells(transport, credentials(cluster), hostKeys(cluster), SETTINGS);
    }

    static TrileadShell trilead(SimulatedCluster cluster, SimulatedNode node) {
        return new TrileadShell(address(node), credentials(cluster), hostKeys(cluster), SETTINGS);
    }

    static OpenSshShell openssh(SimulatedCluster cluster, SimulatedNode node) {
        return new OpenSshShell(address(node), credentials(cluster), hostKeys(cluster), SETTINGS);
    }

    static SimulatedNode node(SimulatedCluster cluster, Node.Role role) {
        return role == Node.Role.PRIMARY ? cluster.primary() : cluster.standby();
    }

    /** How each variant under test reaches a node. */
    static ShellOpener opener(SimulatedCluster cluster, Node.Role role, Variant variant) {
        SimulatedNode node = node(cluster, role);
        return switch (variant) {
            case TRILEAD -> shells(cluster, Transport.TRILEAD).opener(address(node));
            case OPENSSH -> shells(cluster, Transport.OPENSSH).opener(address(node));
            case CONNECTION_PER_COMMAND -> () -> new ConnectionPerCommandShell(() -> trilead(cluster, node));
            default -> throw new IllegalArgumentException(variant + " does not run in the engine");
        };
    }
}
