package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.testkit.ClientKey;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The agent's side of xcatStandbyPrepare and xcatDbBackup, run as RunOnAgent runs it: Trilead SSH with the
 * credential's PEM key to simulated management nodes verified against a known_hosts file, or this machine for
 * a local run; artifacts in the invocation's workspace folder.
 */
public class InvocationRunnerTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.RHEL9, DbEngine.MYSQL);
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private Invocation.Builder standbyPrepare() {
        return Invocation.builder(Invocation.Procedure.STANDBY_PREPARE)
                .primary(sim.primary().address()).standby(sim.standby().address())
                .hostKey(HostKeySetting.knownHostsFile(sim.cluster().knownHostsFile().toString()))
                .commandTimeoutSeconds(60).connectTimeoutSeconds(10);
    }

    private Invocation.Builder dbBackup() {
        return Invocation.builder(Invocation.Procedure.DB_BACKUP)
                .primary(sim.primary().address())
                .hostKey(HostKeySetting.knownHostsFile(sim.cluster().knownHostsFile().toString()))
                .commandTimeoutSeconds(60).connectTimeoutSeconds(10);
    }

    @Test
    public void standbyPrepareOverSshWithAnEncryptedKeyReportsAWarningAsUnstableAndWipesTheKey() throws Exception {
        ClientKey clientKey = sim.cluster().encryptedClientKey();
        char[] key = clientKey.privateKeyPem().toCharArray();
        char[] passphrase = clientKey.passphrase().toCharArray();
        Path workspace = tmp.newFolder("ws").toPath();
        sim.standby().inject(Fault.clockUnsynchronised());

        RunOutcome outcome = InvocationRunner.run(standbyPrepare().checkMode(true).build(), key, passphrase, log,
                workspace, "xcat-ha/standby-prepare");

        JsonNode report = reportJson(workspace.resolve("xcat-ha/standby-prepare"));
        assertThat(report.get("procedure").asText(), is("standby-prepare"));
        assertThat(report.get("mode").asText(), is("check"));
        assertThat(outcome.result(), is(report.get("result").asText()));
        assertThat(statusOf(report, "time-sync"), is("WARNING"));
        assertThat(outcome.result(), is("UNSTABLE"));
        assertThat(outcome.buildResult(), is("UNSTABLE"));
        assertThat(outcome.returnValue().get("result"), is("UNSTABLE"));
        assertThat(stepIds(report), is(List.of("preflight", "database-engine", "shared-data", "xcatd-verify",
                "name-resolution", "ssh-trust", "time-sync", "stop-xcat-services", "stop-hpc-daemons",
                "backup-database")));
        assertThat("the preflight reached both nodes over SSH: " + report.get("steps").get(0),
                report.get("steps").get(0).get("status").asText(), is("OK"));
        assertThat(sim.standby().receivedCommands(), not(empty()));
        assertThat(sim.primary().receivedCommands(), not(empty()));
        assertThat(outcome.artifacts().keySet(), is(java.util.Set.of("xcat-ha/standby-prepare/report.json",
                "xcat-ha/standby-prepare/junit.xml", "xcat-ha/standby-prepare/summary.txt")));
        assertThat(log(), containsString("[xcat-ha] (1/10) preflight"));
        assertThat(log(), containsString("Artifacts: xcat-ha/standby-prepare"));
        assertWiped(key);
        assertWiped(passphrase);
        assertNoSecretIn(workspace, clientKey, sim.primary().databasePassword());
    }

    @Test
    public void dbBackupCollectsTheVerifiedArchiveIntoTheFolderForArchiving() throws Exception {
        ClientKey clientKey = sim.cluster().clientKey();
        char[] key = clientKey.privateKeyPem().toCharArray();
        Path workspace = tmp.newFolder("ws").toPath();

        RunOutcome outcome = InvocationRunner.run(dbBackup().collect(true).keep(3).build(), key, null, log,
                workspace, "xcat-ha/db-backup-2");

        JsonNode report = reportJson(workspace.resolve("xcat-ha/db-backup-2"));
        assertThat(report.toString(), outcome.result(), is("SUCCESS"));
        assertThat(stepIds(report), is(List.of("preflight", "dump", "verify", "checksum", "collect", "retention")));
        List<String> archives = outcome.artifacts().keySet().stream().filter(a -> a.endsWith(".tar.gz"))
                .collect(Collectors.toList());
        assertThat(outcome.artifacts().toString(), archives.size(), is(1));
        assertThat(archives.get(0), startsWith("xcat-ha/db-backup-2/"));
        assertThat(Files.size(workspace.resolve(archives.get(0))) > 0, is(true));
        assertThat(outcome.returnValue().get("artifacts"), notNullValue());
        String onNode = sim.primary().observe("ls", "/var/backup/xcat").stdoutOrThrow();
        assertThat(onNode, containsString(archives.get(0).replaceAll(".*/", "").replace(".tar.gz", "")));
        assertWiped(key);
        assertNoSecretIn(workspace, clientKey, sim.primary().databasePassword());
    }

    @Test
    public void stoppingTheBuildDuringTheDumpEndsTheDumpReleasesTheLockAndTheNextBackupStartsAtOnce()
            throws Exception {
        SimulatedNode primary = sim.primary();
        primary.inject(Fault.commandHangs("dumpxCATdb"));
        char[] key = sim.cluster().clientKey().privateKeyPem().toCharArray();
        Path workspace = tmp.newFolder("ws").toPath();
        Invocation invocation = dbBackup().build();
        String runId = "test-" + System.nanoTime();
        AtomicReference<Object> returned = new AtomicReference<>();
        Thread agent = new Thread(() -> {
            try {
                // As RunOnAgent calls it.
                returned.set(DetachedRun.run(runId, () -> InvocationRunner.run(invocation, key, null, log, workspace,
                        "xcat-ha/db-backup"), Duration.ofSeconds(60)));
            } catch (Exception e) {
                returned.set(e);
            }
        });
        agent.start();
        awaitUntil(() -> processesNamed(primary, "dumpxCATdb") > 0, () -> "dumpxCATdb to start on the primary");

        agent.interrupt();
        // As the controller does after a stop, and again on every further click on the stop button: each
        // collect interrupts the run again, which must not cut short its cleanup.
        Object collected = null;
        while (collected == null) {
            try {
                collected = DetachedRun.collect(runId, Duration.ofMillis(50));
            } catch (java.util.concurrent.TimeoutException stillCleaningUp) {
                // stop pressed again
            } catch (IllegalStateException alreadyTakenByTheAgentThread) {
                break;
            }
        }
        agent.join(120_000);

        assertThat(String.valueOf(returned.get()), returned.get() instanceof RunOutcome, is(true));
        RunOutcome outcome = (RunOutcome) returned.get();
        assertThat(outcome.aborted(), is(true));
        assertThat(outcome.result(), is("FAILURE"));
        JsonNode report = reportJson(workspace.resolve("xcat-ha/db-backup"));
        assertThat(report.get("aborted").asBoolean(), is(true));
        assertThat(statusOf(report, "dump"), is("FAILED"));
        assertThat(statusOf(report, "verify"), is("SKIPPED"));
        assertThat(report.toString(), primary.fileExists("/var/backup/xcat/.xcat-ha.lock"), is(false));
        awaitUntil(() -> processesNamed(primary, "dumpxCATdb") == 0, () -> "the dump to be killed on the primary: "
                + primary.processesOfNode());
        awaitUntil(() -> sessions(primary).isEmpty(), () -> "the SSH sessions to the primary to close: "
                + primary.processesOfNode());
        assertWiped(key);

        primary.clearFaults();
        Path next = tmp.newFolder("next").toPath();
        RunOutcome second = InvocationRunner.run(dbBackup().build(),
                sim.cluster().clientKey().privateKeyPem().toCharArray(), null, log, next, "xcat-ha/db-backup");

        JsonNode secondReport = reportJson(next.resolve("xcat-ha/db-backup"));
        assertThat(secondReport.toString(), second.result(), is("SUCCESS"));
        assertThat(secondReport.get("steps").get(0).get("message").asText(), not(containsString("waited")));
    }

    @Test
    public void aLocalRunActsOnThisMachineWithoutAKey() throws Exception {
        Path workspace = tmp.newFolder("ws").toPath();
        Invocation invocation = Invocation.builder(Invocation.Procedure.DB_BACKUP).local(true).checkMode(true)
                .build();

        RunOutcome outcome = InvocationRunner.run(invocation, null, null, log, workspace, "xcat-ha/db-backup");

        JsonNode report = reportJson(workspace.resolve("xcat-ha/db-backup"));
        assertThat(report.get("hosts").get("primary").asText(), is("localhost"));
        JsonNode preflight = report.get("steps").get(0);
        assertThat(preflight.get("commands").size() > 0, is(true));
        // This machine is no management node: preflight finds no xCAT here, and nothing went over SSH.
        assertThat(sim.primary().receivedCommands(), is(empty()));
        assertThat(preflight.get("status").asText(), is("FAILED"));
        assertThat(outcome.failure(), notNullValue());
        assertThat(outcome.artifacts().keySet(), hasItem("xcat-ha/db-backup/summary.txt"));
    }

    @Test
    public void aRemoteRunWithoutAKeyIsRefusedBeforeConnecting() throws Exception {
        Path workspace = tmp.newFolder("ws").toPath();
        char[] passphrase = "not used".toCharArray();

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InvocationRunner.run(dbBackup().build(), null, passphrase, log, workspace, "xcat-ha/db-backup"));

        assertThat(e.field(), is("credentialsId"));
        assertThat(sim.primary().receivedCommands(), is(empty()));
        assertThat(Files.exists(workspace.resolve("xcat-ha")), is(false));
        assertWiped(passphrase);
    }

    @Test
    public void aFolderOutsideTheWorkspaceIsRefused() throws Exception {
        Path workspace = tmp.newFolder("ws").toPath();
        char[] key = "-----BEGIN RSA PRIVATE KEY-----".toCharArray();
        for (String folder : List.of("../elsewhere", "/tmp/xcat-ha", "xcat-ha/../..")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> InvocationRunner.run(dbBackup().build(), key, null, log, workspace, folder));
            assertThat(e.getMessage(), containsString(folder));
        }
        assertWiped(key);
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode reportJson(Path folder) throws IOException {
        assertThat(Files.isRegularFile(folder.resolve("junit.xml")), is(true));
        assertThat(Files.isRegularFile(folder.resolve("summary.txt")), is(true));
        return new ObjectMapper().readTree(folder.resolve("report.json").toFile());
    }

    private static List<String> stepIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("steps").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static String statusOf(JsonNode report, String id) {
        for (JsonNode step : report.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return step.get("status").asText();
            }
        }
        throw new AssertionError("no step " + id + " in " + report);
    }

    private static void assertWiped(char[] secret) {
        for (char c : secret) {
            assertThat("a key or passphrase array was left readable", c, is('\0'));
        }
    }

    /** Neither the passphrase, nor any line of the key, nor the database password in any file or in the log. */
    private void assertNoSecretIn(Path workspace, ClientKey key, String databasePassword) throws IOException {
        List<String> secrets = new ArrayList<>();
        if (key.passphrase() != null) {
            secrets.add(key.passphrase());
        }
        if (databasePassword != null) {
            secrets.add(databasePassword);
        }
        key.privateKeyPem().lines().filter(l -> !l.startsWith("-----") && l.length() > 16).forEach(secrets::add);
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("build log", log());
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                texts.put(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts.size() > 3, is(true));
        for (Map.Entry<String, String> text : texts.entrySet()) {
            for (String secret : secrets) {
                assertThat(text.getKey() + " holds a secret", text.getValue().contains(secret), is(false));
            }
        }
    }

    private static long processesNamed(SimulatedNode node, String name) {
        return node.processesOfNode().stream().filter(p -> p.contains(name)).count();
    }

    /** The per-connection sshd processes (the listener stays). */
    private static List<String> sessions(SimulatedNode node) {
        return node.processesOfNode().stream().filter(p -> p.contains("sshd:") && !p.contains("listener"))
                .collect(Collectors.toList());
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
