package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.list;
import static io.jenkins.plugins.xcatha.report.Status.CHANGED;
import static io.jenkins.plugins.xcatha.report.Status.FAILED;
import static io.jenkins.plugins.xcatha.report.Status.OK;
import static io.jenkins.plugins.xcatha.report.Status.SKIPPED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** db-restore against one simulated management node, over real SSH: the backup comes back, or nothing changes. */
public class DbRestoreTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SimulatedNode node() {
        return sim.primary();
    }

    private BackupHarness.Run backup(DbBackupOptions options) {
        BackupHarness.Run run = BackupHarness.run(sim.cluster(), node(), options, Mode.APPLY);
        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
        return run;
    }

    private BackupHarness.Run restore(DbRestoreOptions options, Mode mode) {
        return BackupHarness.run(sim.cluster(), node(), DbRestore.procedure(options), mode);
    }

    private BackupHarness.Run restore(DbRestoreOptions options) {
        return restore(options, Mode.APPLY);
    }

    /** Every table as tabdump shows it. */
    static Map<String, String> tables(SimulatedNode node) {
        String all = node.observe("/bin/sh", "-c", "for t in $(/opt/xcat/sbin/tabdump); do echo \"@@table $t\";"
                + " XCATBYPASS=1 /opt/xcat/sbin/tabdump \"$t\" || exit 1; done").stdoutOrThrow();
        Map<String, String> tables = new LinkedHashMap<>();
        for (String chunk : all.split("@@table ")) {
            if (!chunk.isEmpty()) {
                int eol = chunk.indexOf('\n');
                tables.put(chunk.substring(0, eol), chunk.substring(eol + 1));
            }
        }
        return tables;
    }

    /** What an administrator's mistakes do: a site value changed, nodes deleted. */
    private void damage() {
        node().exec("/opt/xcat/sbin/chtab", "key=domain", "site.value=wrong.example").stdoutOrThrow();
        TableRows.keep(node(), "nodelist", 1);
    }

    private static Map<String, Status> steps(Status... inOrder) {
        List<String> ids = List.of(DbRestore.PREFLIGHT, DbRestore.VERIFY_BACKUP, DbRestore.SAFETY_BACKUP,
                DbRestore.STAGE, DbRestore.RESTORE, DbRestore.VERIFY, DbRestore.CLEANUP);
        Map<String, Status> map = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), inOrder[i]);
        }
        return map;
    }

    private List<String> restoreLeftovers() {
        return list(node(), ROOT).stream().filter(n -> n.startsWith(".restore-") || n.equals(".xcat-ha.lock"))
                .collect(Collectors.toList());
    }

    @Test
    public void theLatestBackupComesBackAndReadsBackIdentical() {
        Map<String, String> before = tables(node());
        String taken = backup(DbBackupOptions.builder().build()).backupName();
        damage();

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build());

        assertThat(run.toString(), run.statuses(), equalTo(steps(OK, OK, CHANGED, CHANGED, CHANGED, OK, CHANGED)));
        assertThat(tables(node()), equalTo(before));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), containsString("backup " + taken));
        assertThat(run.message(DbRestore.VERIFY), containsString("read back with the rows of " + taken));
        assertThat(restoreLeftovers(), empty());
        assertThat("restorexCATdb saw only the staging directory", node().invocations("restorexCATdb").get(0).get(3),
                containsString("/.restore-staging-"));
    }

    @Test
    public void theSafetyBackupUndoesTheRestore() {
        backup(DbBackupOptions.builder().build());
        damage();
        Map<String, String> damaged = tables(node());

        BackupHarness.Run restored = restore(DbRestoreOptions.builder().build());
        String safety = restored.facts.get(DbRestore.SAFETY_BACKUP_NAME).orElseThrow();
        assertThat(restored.message(DbRestore.SAFETY_BACKUP), containsString("restore that one with backup: '"
                + safety + "'"));
        assertThat(tables(node()), not(equalTo(damaged)));

        BackupHarness.Run undone = restore(DbRestoreOptions.builder().backup(safety).safetyBackup(false).build());
        assertThat(undone.toString(), undone.report.result(), is(Result.SUCCESS));
        assertThat(undone.status(DbRestore.SAFETY_BACKUP), is(SKIPPED));
        assertThat(tables(node()), equalTo(damaged));
    }

    @Test
    public void checkModeSaysWhatWouldChangeInEachTableAndChangesNothing() {
        backup(DbBackupOptions.builder().build());
        damage();
        Map<String, String> damaged = tables(node());
        List<String> rootBefore = list(node(), ROOT);
        node().clearAudit();

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build(), Mode.CHECK);

        assertThat(run.toString(), run.statuses(), equalTo(steps(OK, OK, CHANGED, CHANGED, CHANGED, SKIPPED, OK)));
        assertThat(run.message(DbRestore.RESTORE), allOf(containsString("2 would change (rows added, removed)"),
                containsString("nodelist (+3 -0)"), containsString("site (+1 -1)")));
        assertThat(tables(node()), equalTo(damaged));
        assertThat(list(node(), ROOT), equalTo(rootBefore));
        assertThat(node().invocations("restorexCATdb"), empty());
        assertThat(node().invocations("dumpxCATdb"), empty());
        assertThat(node().invocations("chtab"), empty());
    }

    @Test
    public void aTamperedFileIsRefusedBeforeAnythingChanges() {
        String taken = backup(DbBackupOptions.builder().build()).backupName();
        node().exec("/bin/sh", "-c", "echo '\"domain\",\"evil.example\",,' >> " + ROOT + "/" + taken + "/site.csv")
                .stdoutOrThrow();
        damage();
        Map<String, String> damaged = tables(node());

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build());

        assertThat(run.toString(), run.status(DbRestore.VERIFY_BACKUP), is(FAILED));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), allOf(containsString("SHA-256 differs from the manifest:"
                + " site.csv"), containsString("nothing was changed")));
        assertThat(tables(node()), equalTo(damaged));
        assertThat(node().invocations("restorexCATdb"), empty());
        assertThat(restoreLeftovers(), empty());
    }

    @Test
    public void aStrayFileInTheBackupIsRefusedAndWouldNeverBeReplayed() {
        String taken = backup(DbBackupOptions.builder().build()).backupName();
        node().exec("/bin/sh", "-c", "cp " + ROOT + "/" + taken + "/site.csv " + ROOT + "/" + taken + "/site.csv.bak")
                .stdoutOrThrow();

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build());

        assertThat(run.toString(), run.status(DbRestore.VERIFY_BACKUP), is(FAILED));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), containsString("not in the manifest: site.csv.bak"));
        assertThat(node().invocations("restorexCATdb"), empty());
    }

    @Test
    public void aBackupOfAnotherDatabaseEngineIsRefused() {
        backup(DbBackupOptions.builder().build());
        node().inject(Fault.dbEngine(DbEngine.MYSQL));

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build());

        assertThat(run.toString(), run.status(DbRestore.VERIFY_BACKUP), is(FAILED));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), allOf(containsString("a backup of a SQLite database and this"
                + " node runs MySQL"), containsString("migration")));
        assertThat(node().invocations("restorexCATdb"), empty());
    }

    @Test
    public void aTableThatFailsToRestoreIsNamedAndTheRestRolledBackToTheSafetyBackup() {
        backup(DbBackupOptions.builder().build());
        damage();
        Map<String, String> damaged = tables(node());
        node().inject(Fault.restoreFails("nodelist"));

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build());

        assertThat(run.toString(), run.status(DbRestore.RESTORE), is(FAILED));
        String safety = run.facts.get(DbRestore.SAFETY_BACKUP_NAME).orElseThrow();
        assertThat(run.message(DbRestore.RESTORE), allOf(containsString("exited 0, but 1 of 71 tables failed: nodelist"
                + " (DBD::SQLite::st execute failed: UNIQUE constraint failed: nodelist.node"),
                containsString("Rolled back to the safety backup " + safety + ", except nodelist")));
        assertThat("the database is as it was before the restore", tables(node()), equalTo(damaged));
        assertThat(run.status(DbRestore.VERIFY), is(SKIPPED));
        assertThat("both staging directories are removed after the failure", restoreLeftovers(), empty());
    }

    @Test
    public void aFullDiskStopsTheRestoreAtTheSafetyBackupWithTheDatabaseAsItWas() {
        backup(DbBackupOptions.builder().build());
        damage();
        Map<String, String> damaged = tables(node());
        node().inject(Fault.diskFull(10));

        BackupHarness.Run run = restore(DbRestoreOptions.builder().build());

        assertThat(run.toString(), run.status(DbRestore.SAFETY_BACKUP), is(FAILED));
        assertThat(run.message(DbRestore.SAFETY_BACKUP), allOf(containsString("nothing was restored"),
                containsString("ran out of space")));
        assertThat(tables(node()), equalTo(damaged));
        assertThat(node().invocations("restorexCATdb"), empty());
        assertThat(restoreLeftovers(), empty());
    }

    @Test
    public void aNamedBackupThatIsNotThereIsRefusedNamingTheOnesThatAre() {
        String taken = backup(DbBackupOptions.builder().build()).backupName();

        BackupHarness.Run run = restore(DbRestoreOptions.builder().backup("xcatdb-20200101T000000Z").build());

        assertThat(run.toString(), run.status(DbRestore.VERIFY_BACKUP), is(FAILED));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), containsString("complete backups there: " + taken));
    }

    @Test
    public void aCollectedArchiveOnThisMachineIsSentCheckedAndRestored() throws Exception {
        Path here = tmp.newFolder().toPath();
        Map<String, String> before = tables(node());
        String taken = backup(DbBackupOptions.builder().collectInto(here).build()).backupName();
        damage();
        // the node loses its own copy: only the archive on this machine is left
        node().exec("rm", "-rf", "--", ROOT + "/" + taken, ROOT + "/" + taken + ".json", ROOT + "/" + taken + ".sha256")
                .stdoutOrThrow();
        Path archive = here.resolve(taken + ".tar.gz");
        assertThat(Files.isRegularFile(archive), is(true));

        BackupHarness.Run run = restore(DbRestoreOptions.builder().archive(archive).build());

        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), containsString("every file matches its manifest here and"
                + " again on " + node().hostname() + " after the transfer"));
        assertThat(tables(node()), equalTo(before));
        assertThat(restoreLeftovers(), empty());
    }

    @Test
    public void aTamperedArchiveIsRefusedOnThisMachine() throws Exception {
        Path here = tmp.newFolder().toPath();
        String taken = backup(DbBackupOptions.builder().collectInto(here).build()).backupName();
        Path archive = here.resolve(taken + ".tar.gz");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(archive, bytes);

        BackupHarness.Run run = restore(DbRestoreOptions.builder().archive(archive).build());

        assertThat(run.toString(), run.status(DbRestore.VERIFY_BACKUP), is(FAILED));
        assertThat(run.message(DbRestore.VERIFY_BACKUP), containsString("cannot be used"));
        assertThat(node().invocations("restorexCATdb"), empty());
    }

    @Test
    public void anAbortDuringTheSafetyBackupLeavesTheDatabaseAsItWasAndNothingBehind() throws Exception {
        backup(DbBackupOptions.builder().build());
        damage();
        Map<String, String> damaged = tables(node());
        node().inject(Fault.dumpDelay(300));
        java.util.concurrent.atomic.AtomicReference<BackupHarness.Run> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> result.set(restore(DbRestoreOptions.builder().build())));
        worker.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (node().processesOfNode().stream().noneMatch(p -> p.contains("dumpxCATdb"))) {
            assertThat("the safety backup's dump started", System.nanoTime() < deadline, is(true));
            Thread.sleep(100);
        }
        worker.interrupt();
        worker.join(30_000);

        BackupHarness.Run run = result.get();
        assertThat(run.toString(), run.report.aborted(), is(true));
        assertThat(run.status(DbRestore.SAFETY_BACKUP), is(FAILED));
        assertThat(run.status(DbRestore.RESTORE), is(SKIPPED));
        node().clearFaults();
        assertThat(tables(node()), equalTo(damaged));
        assertThat(node().invocations("restorexCATdb"), empty());
        assertThat("no staging directory, half dump or lock left", list(node(), ROOT).stream()
                .filter(n -> n.startsWith(".")).collect(Collectors.toList()), empty());
    }
}
