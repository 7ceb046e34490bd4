package io.jenkins.plugins.xcatha.bench;

import com.trilead.ssh2.ChannelCondition;
import com.trilead.ssh2.Connection;
import com.trilead.ssh2.Session;
import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.RemoteCommandWrapper;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.openssh.OpenSshShell;
import io.jenkins.plugins.xcatha.exec.trilead.TrileadShell;
import io.jenkins.plugins.xcatha.testkit.ExecResult;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two costs everything else is made of: one handshake (TCP, key exchange, host key check,
 * authentication) and one trivial command ({@code true}) on a connection that is already open. The raw
 * rows run the same command with the bare client (no timeout wrapper, no output handling) to show how
 * much of the per-command time is the product's own.
 */
final class OverheadBenchmark {
    static final String TRILEAD_HANDSHAKE = "handshake: Trilead connect + auth (TrileadShell.connect)";
    static final String OPENSSH_HANDSHAKE = "handshake: OpenSSH ControlMaster start (OpenSshShell.connect)";
    static final String SSH_PROCESS = "ssh root@node true: new process, new connection (the script's cost per line)";
    static final String TRILEAD_COMMAND = "command on open connection: TrileadShell.run(true)";
    static final String OPENSSH_COMMAND = "command on open connection: OpenSshShell.run(true)";
    static final String RAW_TRILEAD = "raw Trilead session exec of true (no wrapper)";
    static final String RAW_MUX = "raw ssh -S master true (no wrapper)";
    static final String NODE_TRUE = "inside the node, no SSH: sshd's ForceCommand wrapper running true";
    static final String NODE_WRAPPED_TRUE = "inside the node, no SSH: the same with the product's kill-on-timeout wrapper";
    static final String SSH_STARTUP = "ssh client process start and exit, no connection (ssh -G)";

    private final int handshakes;
    private final int commands;
    private final Path workDir;

    OverheadBenchmark(int handshakes, int commands, Path workDir) {
        this.handshakes = handshakes;
        this.commands = commands;
        this.workDir = workDir;
    }

    Map<String, Stats> run() throws Exception {
        Map<String, Stats> out = new LinkedHashMap<>();
        try (SimulatedCluster pair = Lab.pair()) {
            SimulatedNode node = pair.primary();
            out.put(TRILEAD_HANDSHAKE, handshakes(() -> Lab.trilead(pair, node)));
            report(out, TRILEAD_HANDSHAKE);
            out.put(OPENSSH_HANDSHAKE, handshakes(() -> Lab.openssh(pair, node)));
            report(out, OPENSSH_HANDSHAKE);
            out.put(SSH_PROCESS, sshProcesses(pair, node));
            report(out, SSH_PROCESS);
            TrileadShell trilead = Lab.trilead(pair, node);
            try {
                trilead.connect();
                out.put(TRILEAD_COMMAND, commands(trilead));
            } finally {
                trilead.close();
            }
            report(out, TRILEAD_COMMAND);
            OpenSshShell openssh = Lab.openssh(pair, node);
            try {
                openssh.connect();
                out.put(OPENSSH_COMMAND, commands(openssh));
            } finally {
                openssh.close();
            }
            report(out, OPENSSH_COMMAND);
            out.put(RAW_TRILEAD, rawTrilead(pair, node));
            report(out, RAW_TRILEAD);
            out.put(RAW_MUX, rawMux(pair, node));
            report(out, RAW_MUX);
            out.put(SSH_STARTUP, sshStartup(pair, node));
            report(out, SSH_STARTUP);
            out.put(NODE_TRUE, insideNode(node, "true"));
            report(out, NODE_TRUE);
            out.put(NODE_WRAPPED_TRUE, insideNode(node, RemoteCommandWrapper.wrap(Command.of("true"),
                    Lab.SETTINGS.commandTimeout())));
            report(out, NODE_WRAPPED_TRUE);
        }
        return out;
    }

    private static void report(Map<String, Stats> out, String key) {
        Progress.line("  " + key + ": " + out.get(key).describe("ms", 2));
    }

    private interface ShellMaker {
        RemoteShell make();
    }

    private Stats handshakes(ShellMaker maker) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < handshakes + 2; i++) {
            RemoteShell shell = maker.make();
            long start = System.nanoTime();
            try {
                if (shell instanceof TrileadShell t) {
                    t.connect();
                } else {
                    ((OpenSshShell) shell).connect();
                }
                if (i >= 2) { // the first two warm up the JIT and the file cache
                    ms.add((System.nanoTime() - start) / 1e6);
                }
            } finally {
                shell.close();
            }
        }
        return new Stats(ms);
    }

    private Stats commands(RemoteShell shell) throws Exception {
        List<Double> ms = new ArrayList<>();
        Command tru = Command.of("true");
        for (int i = 0; i < commands + 20; i++) {
            long start = System.nanoTime();
            int exit = shell.run(tru).exitCode();
            if (exit != 0) {
                throw new IllegalStateException("`true` exited " + exit + " on " + shell.target());
            }
            if (i >= 20) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        return new Stats(ms);
    }

    private Stats sshProcesses(SimulatedCluster pair, SimulatedNode node) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < handshakes + 2; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(pair.sshCommand(node, "true")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh " + node.address() + " true failed");
            }
            if (i >= 2) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        return new Stats(ms);
    }

    /** Trilead without the product: one session per command, exec, wait for the exit status. */
    private Stats rawTrilead(SimulatedCluster pair, SimulatedNode node) throws Exception {
        byte[] expectedKey = Base64.getDecoder().decode(node.hostKeyLines().get("ssh-rsa").split(" ")[1]);
        Connection c = new Connection(node.address(), node.port());
        try {
            c.setTCPNoDelay(true); // as TrileadShell does: no Nagle delay on small packets
            c.setServerHostKeyAlgorithms(new String[] {"ssh-rsa"});
            c.connect((host, port, algorithm, key) -> java.util.Arrays.equals(key, expectedKey), 15_000, 15_000);
            char[] pem = Files.readString(pair.clientKey().privateKeyFile()).toCharArray();
            if (!c.authenticateWithPublicKey("root", pem, null)) {
                throw new IllegalStateException("raw Trilead authentication failed");
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < commands + 20; i++) {
                long start = System.nanoTime();
                Session s = c.openSession();
                try {
                    s.execCommand("true");
                    drain(s.getStdout());
                    drain(s.getStderr());
                    s.waitForCondition(ChannelCondition.EXIT_STATUS, 30_000);
                } finally {
                    s.close();
                }
                if (i >= 20) {
                    ms.add((System.nanoTime() - start) / 1e6);
                }
            }
            return new Stats(ms);
        } finally {
            c.close();
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] b = new byte[8192];
        while (in.read(b) >= 0) {
            // discard
        }
    }

    /** The system ssh client through a ControlMaster, without the product's wrapper. */
    private Stats rawMux(SimulatedCluster pair, SimulatedNode node) throws Exception {
        Files.createDirectories(workDir);
        Path control = Files.createTempDirectory(workDir, "mux").resolve("cm");
        List<String> master = new ArrayList<>(pair.sshCommand(node));
        master.addAll(1, List.of("-o", "ControlMaster=yes", "-o", "ControlPath=" + control, "-o", "ControlPersist=yes",
                "-f", "-N"));
        run(master);
        try {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < commands + 20; i++) {
                List<String> argv = new ArrayList<>(pair.sshCommand(node, "true"));
                argv.addAll(1, List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + control));
                long start = System.nanoTime();
                run(argv);
                if (i >= 20) {
                    ms.add((System.nanoTime() - start) / 1e6);
                }
            }
            return new Stats(ms);
        } finally {
            List<String> exit = new ArrayList<>(pair.sshCommand(node));
            exit.addAll(1, List.of("-o", "ControlPath=" + control, "-O", "exit"));
            run(exit);
        }
    }

    /**
     * The node's own share of a command: what sshd starts for a session ({@code sshd-command}, which logs
     * the line and execs the shell), timed inside the node with bash's fork-free clock.
     */
    private Stats insideNode(SimulatedNode node, String line) {
        node.writeFile("/tmp/xcat-ha-bench-line", line);
        ExecResult r = node.exec("/bin/bash", "-c", "c=$(cat /tmp/xcat-ha-bench-line); for i in $(seq " + (commands + 20)
                + "); do t=$EPOCHREALTIME; SSH_ORIGINAL_COMMAND=$c /opt/xcat-sim/bin/sshd-command >/dev/null 2>&1;"
                + " echo \"$t $EPOCHREALTIME\"; done");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("timing inside the node failed: " + r.stderr());
        }
        List<Double> ms = new ArrayList<>();
        String[] lines = r.stdout().strip().split("\n");
        for (int i = 20; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            ms.add((Double.parseDouble(f[1]) - Double.parseDouble(f[0])) * 1000);
        }
        return new Stats(ms);
    }

    /** What every OpenSSH command pays before any byte goes to the node: starting the ssh program. */
    private Stats sshStartup(SimulatedCluster pair, SimulatedNode node) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < commands + 20; i++) {
            List<String> argv = new ArrayList<>(pair.sshCommand(node, "true"));
            argv.add(1, "-G");
            long start = System.nanoTime();
            run(argv);
            if (i >= 20) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        return new Stats(ms);
    }

    /** Output goes to a file, not a pipe: the backgrounded master keeps its stdio open. */
    private void run(List<String> argv) throws IOException, InterruptedException {
        Path log = workDir.resolve("ssh.log");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + Files.readString(log));
        }
    }
}
