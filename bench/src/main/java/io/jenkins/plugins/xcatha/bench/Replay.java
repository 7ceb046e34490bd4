package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.exec.ShellQuoting;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.testkit.ExecResult;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands a procedure recorded on one pair again on another pair, without the engine:
 * <ul>
 * <li>{@link #sshPerCommand}: a shell script with one {@code ssh root@node 'command'} per command, as a
 * Jenkinsfile of {@code sh 'ssh ...'} lines does (every line a new connection: TCP, key exchange,
 * authentication, then the command);</li>
 * <li>{@link #insideNodes}: the same commands run inside the nodes through the sshd ForceCommand wrapper
 * but without SSH at all: the time the commands themselves take, the floor no transport can beat.</li>
 * </ul>
 */
final class Replay {
    /**
     * What a replay took and how faithfully it repeated the recorded run; for the replay inside the nodes
     * also each command's own time, in procedure order.
     */
    record Outcome(long millis, int commands, int sameExitCode, List<Double> commandMillis) {
    }

    private Replay() {
    }

    static Outcome sshPerCommand(List<RecordedCommand> recorded, PairIdentity recordedOn, SimulatedCluster target,
                                 Path workDir) throws IOException, InterruptedException {
        PairIdentity to = PairIdentity.of(target);
        Files.createDirectories(workDir);
        StringBuilder script = new StringBuilder("#!/bin/sh\n# One ssh connection per command, as `sh 'ssh root@node ...'` lines.\n");
        script.append("cd ").append(ShellQuoting.quote(workDir.toString())).append(" || exit 1\n: > out.log; : > rc.log\n");
        for (int i = 0; i < recorded.size(); i++) {
            RecordedCommand c = recorded.get(i);
            SimulatedNode node = Lab.node(target, c.role());
            String line = to.translate(c.line(), recordedOn);
            String stdin = "/dev/null";
            if (c.stdin() != null) {
                stdin = "stdin." + i;
                Files.write(workDir.resolve(stdin), to.translate(c.stdin(), recordedOn));
            }
            script.append(ShellQuoting.join(target.sshCommand(node, line))).append(" < ").append(stdin)
                    .append(" >> out.log 2>&1; echo $? >> rc.log\n");
        }
        Path file = workDir.resolve("ssh-per-command.sh");
        Files.writeString(file, script.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder("/bin/sh", file.toString()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("script.log").toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the ssh-per-command script did not finish within 600 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<Integer> codes = readCodes(workDir.resolve("rc.log"));
        return new Outcome(millis, recorded.size(), sameExitCodes(recorded, codes), List.of());
    }

    /**
     * Consecutive commands for the same node run as one batch inside it (one nsenter per batch), each through
     * the node's sshd ForceCommand wrapper exactly as sshd would start it, with sshd's environment.
     */
    static Outcome insideNodes(List<RecordedCommand> recorded, PairIdentity recordedOn, SimulatedCluster target)
            throws IOException {
        PairIdentity to = PairIdentity.of(target);
        String dir = "/tmp/xcat-ha-bench-replay";
        List<List<Integer>> batches = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (batches.isEmpty() || recorded.get(batches.get(batches.size() - 1).get(0)).role()
                    != recorded.get(i).role()) {
                batches.add(new ArrayList<>());
            }
            batches.get(batches.size() - 1).add(i);
        }
        // Everything is written into the nodes before the clock starts.
        for (Node.Role role : Node.Role.values()) {
            Lab.node(target, role).writeFile(dir + "/rc", "");
        }
        List<String> scripts = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            Node.Role role = recorded.get(batches.get(b).get(0)).role();
            SimulatedNode node = Lab.node(target, role);
            StringBuilder s = new StringBuilder("cd ~ 2>/dev/null\n");
            for (int i : batches.get(b)) {
                RecordedCommand c = recorded.get(i);
                node.writeFile(dir + "/c." + i, to.translate(c.line(), recordedOn));
                String stdin = "/dev/null";
                if (c.stdin() != null) {
                    stdin = dir + "/s." + i;
                    node.writeFile(stdin, new String(to.translate(c.stdin(), recordedOn), StandardCharsets.UTF_8));
                }
                // $EPOCHREALTIME is read without a fork: the interval is the command and its wrapper only
                s.append("c=$(cat ").append(dir).append("/c.").append(i).append("); t=$EPOCHREALTIME; ")
                        .append("SSH_ORIGINAL_COMMAND=$c /opt/xcat-sim/bin/sshd-command < ").append(stdin)
                        .append(" >/dev/null 2>&1; echo \"$? $t $EPOCHREALTIME\" >> ").append(dir).append("/rc\n");
            }
            node.writeFile(dir + "/batch." + b, s.toString());
            scripts.add(dir + "/batch." + b);
        }
        long start = System.nanoTime();
        for (int b = 0; b < batches.size(); b++) {
            SimulatedNode node = Lab.node(target, recorded.get(batches.get(b).get(0)).role());
            ExecResult r = node.exec("/bin/bash", scripts.get(b));
            if (r.exitCode() != 0) {
                throw new IOException("replay batch " + b + " failed: " + r.stderr());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Each node's rc file holds its commands' exit codes in order; matched back in procedure order.
        int same = 0;
        int[] next = new int[Node.Role.values().length];
        List<List<String[]>> perNode = new ArrayList<>();
        for (Node.Role role : Node.Role.values()) {
            List<String[]> lines = new ArrayList<>();
            for (String l : Lab.node(target, role).readFile(dir + "/rc").split("\n")) {
                if (!l.isBlank()) {
                    lines.add(l.strip().split(" "));
                }
            }
            perNode.add(lines);
        }
        List<Double> commandMillis = new ArrayList<>();
        for (RecordedCommand c : recorded) {
            List<String[]> mine = perNode.get(c.role().ordinal());
            int k = next[c.role().ordinal()]++;
            if (k >= mine.size()) {
                commandMillis.add(Double.NaN);
                continue;
            }
            String[] f = mine.get(k);
            if (Integer.parseInt(f[0]) == c.exitCode()) {
                same++;
            }
            commandMillis.add((Double.parseDouble(f[2]) - Double.parseDouble(f[1])) * 1000);
        }
        return new Outcome(millis, recorded.size(), same, commandMillis);
    }

    private static List<Integer> readCodes(Path file) throws IOException {
        return parseCodes(Files.exists(file) ? Files.readString(file) : "");
    }

    private static List<Integer> parseCodes(String text) {
        List<Integer> codes = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                codes.add(Integer.parseInt(l.strip()));
            }
        }
        return codes;
    }

    private static int sameExitCodes(List<RecordedCommand> recorded, List<Integer> codes) {
        int same = 0;
        for (int i = 0; i < recorded.size() && i < codes.size(); i++) {
            if (recorded.get(i).exitCode() == codes.get(i)) {
                same++;
            }
        }
        return same;
    }
}
