package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.trilead.TrileadShell;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs db-backup against a simulated node over real SSH, and reads what it left on the node. */
final class BackupHarness {
    static final String ROOT = DbBackupOptions.DEFAULT_BACKUP_ROOT;

    private BackupHarness() {
    }

    /** The node over the product's Trilead shell: one connection, host key checked against known_hosts. */
    static Node node(SimulatedCluster cluster, SimulatedNode simulated) {
        TrileadShell shell = new TrileadShell(new HostAndPort(simulated.address(), simulated.port()),
                SshCredentials.identityFile("root", cluster.clientKey().privateKeyFile(), null),
                new KnownHostsFileVerification(cluster.knownHostsFile()), ShellSettings.defaults());
        return new Node(Node.Role.PRIMARY, simulated.hostname(), shell);
    }

    /** Everything a run reported, with the progress lines a build log would show. */
    static final class Run {
        final ProcedureReport report;
        final Facts facts;
        final List<String> output;
        final List<String> messages;

        Run(ProcedureReport report, Facts facts, List<String> output, List<String> messages) {
            this.report = report;
            this.facts = facts;
            this.output = output;
            this.messages = messages;
        }

        Status status(String step) {
            return report.step(step).orElseThrow().status();
        }

        String message(String step) {
            return report.step(step).orElseThrow().message();
        }

        Map<String, Status> statuses() {
            return report.statuses();
        }

        String backupName() {
            return facts.get(DbBackup.BACKUP_NAME).orElseThrow();
        }

        @Override
        public String toString() {
            return report.steps().stream().map(s -> s.id() + " " + s.status() + ": " + s.message()
                            + s.commands().stream().map(c -> "\n    [" + c.durationMs() + " ms, exit " + c.exitCode()
                                    + "] " + abbreviate(c.command())).collect(Collectors.joining()))
                    .collect(Collectors.joining("\n"));
        }

        private static String abbreviate(String command) {
            String oneLine = command.replace('\n', ' ');
            return oneLine.length() > 100 ? oneLine.substring(0, 100) + "..." : oneLine;
        }
    }

    static Run run(SimulatedCluster cluster, SimulatedNode simulated, DbBackupOptions options, Mode mode) {
        Node node = node(cluster, simulated);
        try {
            return run(node, options, mode);
        } finally {
            node.shell().close();
        }
    }

    static Run run(Node node, DbBackupOptions options, Mode mode) {
        return run(node, DbBackup.procedure(options), mode);
    }

    /** db-restore (or any one-node procedure) against a simulated node. */
    static Run run(SimulatedCluster cluster, SimulatedNode simulated, io.jenkins.plugins.xcatha.procedure.Procedure procedure,
                   Mode mode) {
        Node node = node(cluster, simulated);
        try {
            return run(node, procedure, mode);
        } finally {
            node.shell().close();
        }
    }

    static Run run(Node node, io.jenkins.plugins.xcatha.procedure.Procedure procedure, Mode mode) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        ProgressListener progress = new ProgressListener() {
            @Override
            public void output(String host, String line) {
                output.add(line);
            }

            @Override
            public void message(String text) {
                messages.add(text);
            }
        };
        Facts facts = new Facts();
        ProcedureReport report = new ProcedureRunner().run(procedure, Cluster.single(node), mode,
                progress, facts, new Redactor());
        return new Run(report, facts, output, messages);
    }

    static Map<String, Status> statuses(Status... inOrder) {
        List<String> ids = List.of(DbBackup.PREFLIGHT, DbBackup.DUMP, DbBackup.VERIFY, DbBackup.CHECKSUM,
                DbBackup.COLLECT, DbBackup.RETENTION);
        Map<String, Status> map = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), inOrder[i]);
        }
        return map;
    }

    /** The entries of a directory on the node, sorted (empty when it does not exist). */
    static List<String> list(SimulatedNode node, String dir) {
        String out = node.observe("/bin/sh", "-c", "[ -d \"$1\" ] && ls -A \"$1\" | LC_ALL=C sort", "sh", dir).stdout();
        return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\n"));
    }
}
