package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.list;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.statuses;
import static io.jenkins.plugins.xcatha.report.Status.CHANGED;
import static io.jenkins.plugins.xcatha.report.Status.FAILED;
import static io.jenkins.plugins.xcatha.report.Status.OK;
import static io.jenkins.plugins.xcatha.report.Status.SKIPPED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;

/** db-backup against one simulated SQLite management node, over real SSH. */
public class DbBackupProcedureTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));

    private BackupHarness.Run backup(DbBackupOptions options) {
        return BackupHarness.run(sim.cluster(), sim.primary(), options, Mode.APPLY);
    }

    private BackupHarness.Run backup() {
        return backup(DbBackupOptions.builder().build());
    }

    private static List<String> completeBackups(SimulatedNode node) {
        return list(node, ROOT).stream().filter(n -> n.matches("xcatdb-.*\\.json")).map(n -> n.replace(".json", ""))
                .collect(Collectors.toList());
    }

    @Test
    public void aVerifiedBackupIsSealedBesideItsManifestAndMetadata() {
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.statuses(), equalTo(statuses(OK, CHANGED, OK, CHANGED, SKIPPED, OK)));
        assertThat(run.report.result(), is(Result.SUCCESS));
        String name = run.backupName();
        assertThat(name, startsWith("xcatdb-"));
        // Beside the dump, never inside it; no lock and no half dump left behind.
        assertThat(list(sim.primary(), ROOT), contains(name, name + ".json", name + ".sha256"));
        List<String> files = list(sim.primary(), ROOT + "/" + name);
        assertThat(files, hasSize(71));
        assertThat(files, everyItem(org.hamcrest.Matchers.endsWith(".csv")));
        assertThat(sim.primary().observe("/bin/sh", "-c", "cd " + ROOT + "/" + name + " && sha256sum -c --quiet ../"
                + name + ".sha256").exitCode(), is(0));
        assertThat(sim.primary().readFile(ROOT + "/" + name + ".json"), allOf(
                containsString("\"schema\":\"xcat-ha/db-backup/v1\""), containsString("\"site\":38"),
                containsString("\"dbEngine\":\"SQLite\""), containsString("\"xcatVersion\":\"2.19.0\"")));
        assertThat(run.message(DbBackup.VERIFY), containsString("71 tables verified"));
        assertThat("dump progress reaches the build log", run.output, hasItem("Dumping site"));
    }

    @Test
    public void aMissingBackupRootIsCreatedOnceAndTheSecondRunComparesRowCountsWithTheFirst() {
        DbBackupOptions options = DbBackupOptions.builder().backupRoot("/srv/xcat-ha/db").build();
        BackupHarness.Run first = backup(options);
        BackupHarness.Run second = backup(options);

        assertThat(first.toString(), first.status(DbBackup.PREFLIGHT), is(CHANGED));
        assertThat(first.message(DbBackup.PREFLIGHT), containsString("created /srv/xcat-ha/db"));
        assertThat(second.toString(), second.status(DbBackup.PREFLIGHT), is(OK));
        assertThat(second.message(DbBackup.VERIFY), containsString("row counts compared with " + first.backupName()));
        assertThat(list(sim.primary(), "/srv/xcat-ha/db"), hasSize(6));
    }

    @Test
    public void aTableFailingOnStderrAndAZeroByteCsvFailTheBackupAlthoughDumpxCATdbExitsZero() {
        sim.primary().inject(Fault.tableFails("nodelist"));
        sim.primary().inject(Fault.tableUnopenable("hosts"));
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.statuses(), equalTo(statuses(OK, CHANGED, FAILED, SKIPPED, SKIPPED,
                SKIPPED)));
        assertThat(run.message(DbBackup.VERIFY), allOf(containsString("reported errors for 1 table(s): nodelist"),
                containsString("Unable to open the file for write"), containsString("1 table CSV(s) 0 bytes: hosts"),
                containsString("for inspection")));
        assertThat("nothing looks complete", completeBackups(sim.primary()), empty());
        assertThat("kept for inspection under a partial name, lock released", list(sim.primary(), ROOT),
                contains(".partial-" + run.backupName()));
    }

    @Test
    public void aHeaderOnlyCsvOfATableThatHadRowsFails() {
        String good = backup().backupName();
        sim.primary().inject(Fault.tableCorrupt("hosts"));
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.status(DbBackup.VERIFY), is(FAILED));
        assertThat(run.message(DbBackup.VERIFY), containsString("hosts (4 -> 0 rows)"));
        assertThat(completeBackups(sim.primary()), contains(good));
    }

    @Test
    public void aDiskThatFillsUpDuringTheDumpIsCaughtAndTheHalfDumpRemoved() {
        sim.primary().inject(Fault.diskFull(10));
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.status(DbBackup.VERIFY), is(FAILED));
        assertThat(run.message(DbBackup.VERIFY), allOf(containsString("ran out of space"),
                containsString("removed to free the space")));
        assertThat(list(sim.primary(), ROOT), empty());
    }

    @Test
    public void tooLittleFreeSpaceStopsTheBackupBeforeItDumps() {
        BackupHarness.Run run = backup(DbBackupOptions.builder().minFreeMegabytes(9_000_000).build());

        assertThat(run.toString(), run.status(DbBackup.PREFLIGHT), is(FAILED));
        assertThat(run.message(DbBackup.PREFLIGHT), allOf(containsString("not enough free space"),
                containsString("at least 9000000 MB")));
        assertThat(sim.primary().invocations("dumpxCATdb"), empty());
        assertThat("lock released", list(sim.primary(), ROOT), empty());
    }

    @Test
    public void xcatdDownFailsPreflightSayingWhatToDo() {
        sim.primary().inject(Fault.serviceStopped("xcatd"));
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.statuses(), equalTo(statuses(FAILED, SKIPPED, SKIPPED, SKIPPED, SKIPPED,
                SKIPPED)));
        assertThat(run.message(DbBackup.PREFLIGHT), allOf(containsString("xcatd does not answer"),
                containsString("exit 111"), containsString("Start xcatd"), containsString("set useBypass: true")));
        assertThat(list(sim.primary(), ROOT), empty());
    }

    @Test
    public void theBypassBacksUpWhileXcatdIsDownAndSaysItIsSlow() {
        sim.primary().inject(Fault.serviceStopped("xcatd"));
        BackupHarness.Run run = backup(DbBackupOptions.builder().useBypass(true).build());

        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
        assertThat(run.message(DbBackup.PREFLIGHT), containsString("about 8 times slower"));
        assertThat(sim.primary().invocations("dumpxCATdb"), hasSize(1));
        assertThat(completeBackups(sim.primary()), hasSize(1));
    }

    @Test
    public void nativeBackupIsRefusedOnSqliteBeforeAnythingIsDumped() {
        BackupHarness.Run run = backup(DbBackupOptions.builder().nativeBackup(true).build());

        assertThat(run.message(DbBackup.PREFLIGHT), containsString("not supported for SQLite"));
        assertThat(sim.primary().invocations("dumpxCATdb"), empty());
        assertThat(list(sim.primary(), ROOT), empty());
    }

    @Test
    public void aFailedDumpxCATdbLeavesNoDirectoryBehind() {
        sim.primary().inject(Fault.commandFails("dumpxCATdb", 1, "Error running tabdump to get list of tables"));
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.status(DbBackup.DUMP), is(FAILED));
        assertThat(run.message(DbBackup.DUMP), allOf(containsString("exit 1"),
                containsString("Error running tabdump to get list of tables")));
        assertThat(list(sim.primary(), ROOT), empty());
    }

    @Test
    public void checkModeSaysWhatWouldHappenAndChangesNothing() {
        BackupHarness.Run run = BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder()
                .backupRoot("/var/backup/xcat-new").build(), Mode.CHECK);

        assertThat(run.toString(), run.statuses(), equalTo(statuses(CHANGED, CHANGED, SKIPPED, SKIPPED, SKIPPED, OK)));
        assertThat(run.message(DbBackup.PREFLIGHT), containsString("(would be created)"));
        assertThat(run.message(DbBackup.DUMP), containsString("would dump"));
        assertThat(sim.primary().fileExists("/var/backup/xcat-new"), is(false));
        assertThat(sim.primary().invocations("dumpxCATdb"), empty());
    }

    @Test
    public void anotherRunsLockMakesThisOneFailAfterWaitingAndIsLeftAlone() {
        long now = Long.parseLong(sim.primary().observe("date", "-u", "+%s").stdout().strip());
        sim.primary().writeFile(ROOT + "/.xcat-ha.lock/owner", "token=theirs\nsince=" + now
                + "\nowner=db-backup from jenkins-7\n");
        BackupHarness.Run run = backup(DbBackupOptions.builder().lockWaitSeconds(1).build());

        assertThat(run.toString(), run.status(DbBackup.PREFLIGHT), is(FAILED));
        assertThat(run.message(DbBackup.PREFLIGHT), allOf(containsString("another db-backup is running"),
                containsString("owner=db-backup from jenkins-7"), containsString("waited 1 s")));
        assertThat(sim.primary().readFile(ROOT + "/.xcat-ha.lock/owner"), containsString("token=theirs"));
        assertThat(sim.primary().invocations("dumpxCATdb"), empty());
    }

    @Test
    public void aStaleLockIsBrokenWithAWarningInTheMessage() {
        sim.primary().writeFile(ROOT + "/.xcat-ha.lock/owner", "token=crashed\nsince=1000\nowner=old run\n");
        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
        assertThat(run.message(DbBackup.PREFLIGHT), allOf(containsString("broke a stale lock"),
                containsString("owner=old run")));
        assertThat(list(sim.primary(), ROOT), not(hasItem(".xcat-ha.lock")));
    }
}
