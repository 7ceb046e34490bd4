package io.jenkins.plugins.xcatha.standby;

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
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs standby-prepare against a simulated pair over real SSH, as a user of the engine would. */
final class SimulatedPair {
    private SimulatedPair() {
    }

    /** The node over the OpenSSH transport (the CLI's default), host keys checked against the testkit's known_hosts. */
    static Node node(SimulatedCluster sim, SimulatedNode node, Node.Role role) {
        SshCredentials key = SshCredentials.privateKey("root", sim.clientKey().privateKeyPem().toCharArray(), null);
        return new Node(role, node.address(), new OpenSshShell(new HostAndPort(node.address(), node.port()), key,
                new KnownHostsFileVerification(sim.knownHostsFile()), ShellSettings.defaults()));
    }

    /** primary and standby as the testkit made them. */
    static Cluster cluster(SimulatedCluster sim) {
        return Cluster.of(node(sim, sim.primary(), Node.Role.PRIMARY), node(sim, sim.standby(), Node.Role.STANDBY));
    }

    static ProcedureReport run(SimulatedCluster sim, StandbyPrepareOptions options) {
        return run(cluster(sim), options);
    }

    static ProcedureReport run(Cluster cluster, StandbyPrepareOptions options) {
        try {
            return new ProcedureRunner().run(StandbyPrepare.procedure(options), cluster, StandbyPrepare.mode(options),
                    ProgressListener.NONE);
        } finally {
            cluster.nodes().forEach(n -> n.shell().close());
        }
    }

    static ProcedureReport apply(SimulatedCluster sim) {
        return run(sim, StandbyPrepareOptions.builder().build());
    }

    static ProcedureReport check(SimulatedCluster sim) {
        return run(sim, StandbyPrepareOptions.builder().checkMode(true).build());
    }

    static Status status(ProcedureReport report, String step) {
        return report.step(step).orElseThrow().status();
    }

    static String message(ProcedureReport report, String step) {
        return report.step(step).orElseThrow().message();
    }

    /** Every step as "id STATUS: message", for assertion failures that explain themselves. */
    static String explain(ProcedureReport report) {
        StringBuilder sb = new StringBuilder();
        for (StepResult s : report.steps()) {
            sb.append('\n').append(s.id()).append(' ').append(s.status()).append(": ").append(s.message());
        }
        return sb.toString();
    }

    /** The steps that ended with one of the given statuses. */
    static Map<String, Status> stepsWith(ProcedureReport report, Status... statuses) {
        List<Status> wanted = List.of(statuses);
        Map<String, Status> found = new LinkedHashMap<>();
        report.steps().stream().filter(s -> wanted.contains(s.status())).forEach(s -> found.put(s.id(), s.status()));
        return found;
    }
}
