package io.jenkins.plugins.xcatha.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.fail;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.ShellException.Phase;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.testkit.Environment;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What every {@link RemoteShell} promises, checked against simulated management nodes (one pair per
 * test class). Subclasses say how to open their shell; SSH-only promises are skipped for the local shell.
 */
public abstract class RemoteShellContract {
    protected static SimulatedCluster cluster;
    protected static final ShellSettings FAST = ShellSettings.defaults()
            .withConnectionTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))
            .withKillGrace(Duration.ofSeconds(2))
            .withKeepAliveInterval(Duration.ofSeconds(2));
    private final List<RemoteShell> opened = Collections.synchronizedList(new ArrayList<>());

    @BeforeClass
    public static void startNodes() {
        String problem = Environment.problem();
        Assume.assumeTrue("simulated nodes cannot run here: " + problem, problem == null);
        cluster = SimulatedCluster.startPair();
    }

    @AfterClass
    public static void stopNodes() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    @After
    public void closeShellsAndHealNodes() {
        for (RemoteShell s : opened) {
            s.close();
        }
        for (SimulatedNode n : cluster.nodes()) {
            if (n.networkDropped()) {
                n.restoreNetwork();
            }
        }
    }

    /** Opens this implementation's shell to {@code node}. */
    protected abstract RemoteShell open(SimulatedNode node, ShellSettings settings, HostKeyVerification hostKeys,
                                        SshCredentials credentials) throws Exception;

    protected RemoteShell shell(SimulatedNode node, ShellSettings settings, HostKeyVerification hostKeys,
                                SshCredentials credentials) throws Exception {
        RemoteShell s = open(node, settings, hostKeys, credentials);
        opened.add(s);
        return s;
    }

    protected RemoteShell shell(SimulatedNode node, ShellSettings settings) throws Exception {
        return shell(node, settings, knownHosts(), clientKey());
    }

    protected RemoteShell shell() throws Exception {
        return shell(cluster.primary(), FAST);
    }

    protected static HostKeyVerification knownHosts() {
        return new KnownHostsFileVerification(cluster.knownHostsFile());
    }

    protected static SshCredentials clientKey() {
        return SshCredentials.privateKey("root", cluster.clientKey().privateKeyPem().toCharArray(), null);
    }

    protected static HostAndPort address(SimulatedNode node) {
        return new HostAndPort(node.address(), node.port());
    }

    @Test
    public void runsArgvAndReportsExitCodeAndBothStreams() throws Exception {
        CommandResult r = shell().run(Command.shell("hostname; echo oops >&2; exit 3"));
        assertThat(r.exitCode(), is(3));
        assertThat(r.stdout(), is(cluster.primary().hostname() + "\n"));
        assertThat(r.stderr(), is("oops\n"));
        assertThat(r.truncated(), is(false));
        assertThat(r.commandLine(), is("sh -c 'hostname; echo oops >&2; exit 3' sh"));
    }

    @Test
    public void exitCodesComeBackExactlyEveryTime() throws Exception {
        RemoteShell s = shell();
        for (int code : new int[] {0, 1, 2, 42, 126, 255}) {
            assertThat(s.run(Command.of("sh", "-c", "exit " + code)).exitCode(), is(code));
        }
        assertThat(s.run(Command.of("/no/such/program")).exitCode(), is(127));
    }

    @Test
    public void outputBeyondTheCapIsCountedAndTheHeadKept() throws Exception {
        RemoteShell s = shell(cluster.primary(), FAST.withOutputCaps(1 << 20, 1000));
        CommandResult r = s.run(Command.shell("head -c 5000000 /dev/zero | tr '\\0' x; head -c 3000 /dev/zero >&2"));
        assertThat(r.exitCode(), is(0));
        assertThat(r.stdout().length(), is(1 << 20));
        assertThat(r.stdoutDroppedBytes(), is(5_000_000L - (1 << 20)));
        assertThat(r.stderrDroppedBytes(), is(2000L));
        assertThat(r.truncated(), is(true));
    }

    @Test
    public void binaryOutputStreamsIntoASinkByteForByte() throws Exception {
        RemoteShell s = shell();
        s.run(Command.shell("head -c 3000000 /dev/urandom > /tmp/blob"));
        String expected = s.run(Command.of("sha256sum", "/tmp/blob")).stdout().split(" ")[0];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long[] count = {0};
        java.io.OutputStream sink = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                sha.update((byte) b);
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha.update(b, off, len);
                count[0] += len;
            }
        };
        CommandResult r = s.run(Command.of("cat", "/tmp/blob").streamingStdoutTo(sink));
        assertThat(r.exitCode(), is(0));
        assertThat(count[0], is(3_000_000L));
        assertThat(HexFormat.of().formatHex(sha.digest()), is(expected));
        assertThat(r.stdout(), is(""));
    }

    @Test
    public void stdinEnvironmentAndWorkingDirectoryReachTheCommand() throws Exception {
        byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        CommandResult r = shell().run(Command.shell("pwd; echo \"$GREETING\"; wc -l")
                .withStdin(input).withEnvironment("GREETING", "hello 'world' $HOME").inDirectory("/etc"));
        assertThat(r.stdout(), is("/etc\nhello 'world' $HOME\n2\n"));
    }

    @Test
    public void linesReachTheListenerWhileTheCommandRunsAndTheLastOneWithoutNewline() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CommandResult r = shell().run(Command.shell("echo one; echo two >&2; printf last")
                .withLineListener((stream, line) -> lines.add(stream + " " + line)));
        assertThat(r.exitCode(), is(0));
        assertThat(lines, allOf(hasItem("STDOUT one"), hasItem("STDERR two"), hasItem("STDOUT last")));
        assertThat(lines.size(), is(3));
    }

    @Test
    public void hostileArgumentsArriveAsOneLiteralArgumentEach() throws Exception {
        List<String> hostile = List.of("two words", "it's", "\"double\"", "$(touch /tmp/pwned)", "`touch /tmp/pwned`",
                "a;touch /tmp/pwned", "line\nbreak", "-n", "--help", "ünïcødé ✓", "", "*", "$HOME", "\\", "a|b&c>d");
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(hostile);
        CommandResult r = shell().run(Command.of(argv));
        assertThat(r.exitCode(), is(0));
        List<String> received = List.of(r.stdout().split("\0", -1)).subList(0, hostile.size());
        assertThat(received, equalTo(hostile));
        assertThat(cluster.primary().fileExists("/tmp/pwned"), is(false));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> shell().run(Command.of("echo", "a\0b")));
        assertThat(nul.getMessage(), containsString("NUL"));
    }

    @Test
    public void timeoutKillsTheRemoteProcess() throws Exception {
        RemoteShell s = shell();
        long start = System.nanoTime();
        ShellException e = assertThrows(ShellException.class, () -> s.run(Command.shell(
                "sleep 300 & echo $! > /tmp/timeout.pid; wait").withTimeout(Duration.ofSeconds(2))));
        assertThat(e.phase(), is(Phase.TIMEOUT));
        assertThat(e.getMessage(), allOf(containsString(s.target()), containsString("within 2 s")));
        assertThat(elapsedSeconds(start), lessThan(15L));
        long pid = Long.parseLong(cluster.primary().readFile("/tmp/timeout.pid").strip());
        assertThat("sleep " + pid + " still runs on the node", Processes.ends(pid, 5000), is(true));
        assertThat(s.run(Command.of("true")).exitCode(), is(0));
    }

    @Test
    public void closeFromAnotherThreadEndsTheRemoteCommandWithinSeconds() throws Exception {
        RemoteShell s = shell();
        cluster.primary().shell("rm -f /tmp/abort.pid");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CommandResult> running = pool.submit(() -> s.run(Command.shell(
                    "sleep 300 & echo $! > /tmp/abort.pid; wait")));
            long pid = awaitPid("/tmp/abort.pid");
            long start = System.nanoTime();
            s.close();
            assertThat(elapsedSeconds(start), lessThan(10L));
            try {
                running.get(10, TimeUnit.SECONDS);
                fail("an aborted command must not return a result");
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(((ShellException) e.getCause()).phase(), is(Phase.CANCELLED));
            }
            assertThat("sleep " + pid + " still runs on the node", Processes.ends(pid, 5000), is(true));
            ShellException after = assertThrows(ShellException.class, () -> s.run(Command.of("true")));
            assertThat(after.phase(), is(Phase.CANCELLED));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void interruptingTheCallerEndsTheRemoteCommand() throws Exception {
        RemoteShell s = shell();
        cluster.primary().shell("rm -f /tmp/interrupt.pid");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CommandResult> running = pool.submit(() -> s.run(Command.shell(
                    "sleep 300 & echo $! > /tmp/interrupt.pid; wait")));
            long pid = awaitPid("/tmp/interrupt.pid");
            running.cancel(true);
            assertThat("sleep " + pid + " still runs on the node", Processes.ends(pid, 8000), is(true));
            assertThat(s.run(Command.of("echo", "still usable")).stdout(), is("still usable\n"));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An interrupt that lands while the command is still being started (a channel being opened, the exec request
     * on its way) is an abort too: the call ends at once, never by running the command on a fresh connection.
     */
    @Test
    public void anInterruptAtAnyMomentOfTheStartEndsTheCallWithinSeconds() throws Exception {
        RemoteShell s = shell();
        s.run(Command.of("true"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int delayMicros = 0; delayMicros <= 20_000; delayMicros += 100) {
                Future<CommandResult> running = pool.submit(() -> s.run(Command.of("sleep", "297")));
                java.util.concurrent.TimeUnit.MICROSECONDS.sleep(delayMicros);
                long stoppedAt = System.nanoTime();
                running.cancel(true);
                pool.submit(() -> null).get(8, java.util.concurrent.TimeUnit.SECONDS);
                long millis = (System.nanoTime() - stoppedAt) / 1_000_000;
                assertThat("interrupted " + delayMicros + " µs after the start, the call ended in " + millis + " ms",
                        millis < 6_000, is(true));
            }
            long deadline = System.nanoTime() + 8_000_000_000L;
            while (sleepsLeft() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat("no started command is left running", sleepsLeft(), is(0L));
            assertThat(s.run(Command.of("echo", "still usable")).stdout(), is("still usable\n"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sleepsLeft() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.endsWith("sleep 297")).orElse(false))
                .count();
    }

    @Test
    public void commandsRunConcurrentlyOnOneConnectionAndOnTwoHosts() throws Exception {
        RemoteShell primary = shell();
        RemoteShell standby = shell(cluster.standby(), FAST);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RemoteShell s = i % 3 == 2 ? standby : primary;
                int n = i;
                calls.add(() -> s.run(Command.shell("sleep 1; echo \"$(hostname) $1\"", Integer.toString(n)))
                        .stdout().strip());
            }
            long start = System.nanoTime();
            List<String> outputs = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outputs.add(f.get());
            }
            assertThat(elapsedSeconds(start), lessThan(5L));
            String p = cluster.primary().hostname();
            String st = cluster.standby().hostname();
            assertThat(outputs, equalTo(List.of(p + " 0", p + " 1", st + " 2", p + " 3", p + " 4", st + " 5")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void filesAndTreesCopyFromTheNodeVerifiedBySha256() throws Exception {
        RemoteShell s = shell();
        cluster.primary().shell("rm -rf /tmp/tree && mkdir -p '/tmp/tree/sub dir' && head -c 2000000 /dev/urandom > /tmp/tree/big"
                + " && echo hi > '/tmp/tree/sub dir/it'\\''s' && ln -s big /tmp/tree/link");
        Path local = java.nio.file.Files.createTempDirectory("xcat-ha-copy");
        try {
            RemoteFiles files = new RemoteFiles(s);
            assertThat(files.copyFileFrom("/tmp/tree/big", local.resolve("big")), is(2_000_000L));
            assertThat(sha256(java.nio.file.Files.readAllBytes(local.resolve("big"))), is(files.sha256("/tmp/tree/big")));
            assertThat(files.copyTreeFrom("/tmp/tree", local.resolve("tree")), is(2));
            assertThat(java.nio.file.Files.readString(local.resolve("tree/sub dir/it's")), is("hi\n"));
        } finally {
            try (var walk = java.nio.file.Files.walk(local)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    public void puttingAFileReplacesItAtomicallyWithABackupAndASecondPutChangesNothing() throws Exception {
        RemoteShell s = shell();
        SimulatedNode node = cluster.primary();
        node.shell("mkdir -p /etc/xcat-ha-test && printf old > /etc/xcat-ha-test/conf && chmod 640 /etc/xcat-ha-test/conf"
                + " && rm -f /etc/xcat-ha-test/conf.xcat-ha.bak");
        RemoteFiles files = new RemoteFiles(s);
        byte[] content = "new content\n".getBytes(StandardCharsets.UTF_8);
        assertThat(files.putFile("/etc/xcat-ha-test/conf", content, "0600"), is(true));
        assertThat(node.readFile("/etc/xcat-ha-test/conf"), is("new content\n"));
        assertThat(node.readFile("/etc/xcat-ha-test/conf" + RemoteFiles.BACKUP_SUFFIX), is("old"));
        assertThat(node.exec("stat", "-c", "%a", "/etc/xcat-ha-test/conf").stdout().strip(), is("640"));
        assertThat(files.putFile("/etc/xcat-ha-test/conf", content, "0600"), is(false));
        assertThat(node.exec("sh", "-c", "ls -A /etc/xcat-ha-test").stdout(), is("conf\nconf.xcat-ha.bak\n"));
        assertThat(files.putFile("/etc/xcat-ha-test/fresh", content, "0600"), is(true));
        assertThat(node.exec("stat", "-c", "%a", "/etc/xcat-ha-test/fresh").stdout().strip(), is("600"));
    }

    protected static long awaitPid(String file) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (cluster.primary().fileExists(file)) {
                String text = cluster.primary().readFile(file).strip();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(file + " never appeared on the node");
    }

    protected static long elapsedSeconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    protected static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    protected static ByteArrayOutputStream bytes() {
        return new ByteArrayOutputStream();
    }

    protected static void assertNoSecrets(List<String> messages, String... secrets) {
        for (String m : messages) {
            for (String secret : secrets) {
                assertThat(m, not(containsString(secret)));
            }
        }
        assertThat(messages, not(empty()));
    }
}
