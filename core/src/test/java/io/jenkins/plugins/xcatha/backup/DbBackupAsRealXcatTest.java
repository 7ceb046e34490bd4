package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * db-backup against a node that behaves as real xCAT did on a real management node (xcat-observed, second
 * observation): xcatd keeps rows of its own, and an administrator deletes rows on purpose.
 */
public class DbBackupAsRealXcatTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));

    private BackupHarness.Run backup(DbBackupOptions options) {
        return BackupHarness.run(sim.cluster(), sim.primary(), options, Mode.APPLY);
    }

    private BackupHarness.Run backup() {
        return backup(DbBackupOptions.builder().build());
    }

    @Test
    public void aBypassBackupWithXcatdStoppedPassesAfterABackupTakenWhileXcatdRan() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        assertThat(TableRows.count(sim.primary(), "notification"), is(1));
        sim.primary().exec("systemctl", "stop", "xcatd").stdoutOrThrow();
        assertThat("xcatd removed its own row when it stopped", TableRows.count(sim.primary(), "notification"), is(0));

        BackupHarness.Run bypass = backup(DbBackupOptions.builder().useBypass(true).build());

        assertThat(bypass.toString(), bypass.report.result(), is(Result.SUCCESS));
        assertThat(bypass.message(DbBackup.VERIFY), containsString(
                "notification (1 -> 0 rows) not counted as a loss: xcatd adds its row when it starts"));
    }

    @Test
    public void deletedRowsFailTheBackupNamingTheOptionThatAcceptsThemOnce() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        TableRows.keep(sim.primary(), "nodelist", 1);

        BackupHarness.Run refused = backup();

        assertThat(refused.toString(), refused.status(DbBackup.VERIFY), is(Status.FAILED));
        assertThat(refused.message(DbBackup.VERIFY), allOf(containsString("nodelist (4 -> 1 rows)"),
                containsString("run this backup once with acceptRowLoss: 'nodelist'"),
                not(containsString("maxRowLossPercent"))));
    }

    @Test
    public void acceptedRowLossIsRecordedAndTheNextBackupComparesWithTheAcceptedOne() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        TableRows.keep(sim.primary(), "nodelist", 1);
        TableRows.keep(sim.primary(), "hosts", 1);

        BackupHarness.Run accepted = backup(DbBackupOptions.builder().acceptRowLoss(List.of("nodelist", "hosts")).build());

        assertThat(accepted.toString(), accepted.report.result(), is(Result.SUCCESS));
        assertThat(accepted.message(DbBackup.VERIFY), containsString("row loss accepted with acceptRowLoss:"
                + " 'hosts,nodelist': hosts (4 -> 1 rows), nodelist (4 -> 1 rows); later backups compare with this one"));
        BackupHarness.Run next = backup();
        assertThat(next.toString(), next.report.result(), is(Result.SUCCESS));
        assertThat(next.message(DbBackup.VERIFY), containsString("row counts compared with " + accepted.backupName()));
    }

    @Test
    public void acceptingOneTableDoesNotHideTheLossOfAnother() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        TableRows.keep(sim.primary(), "nodelist", 1);
        TableRows.keep(sim.primary(), "hosts", 1);

        BackupHarness.Run run = backup(DbBackupOptions.builder().acceptRowLoss(List.of("nodelist")).build());

        assertThat(run.toString(), run.status(DbBackup.VERIFY), is(Status.FAILED));
        assertThat(run.message(DbBackup.VERIFY), allOf(containsString("hosts (4 -> 1 rows)"),
                containsString("acceptRowLoss: 'hosts'")));
    }

    @Test
    public void anEssentialTableThatLostEveryRowFailsEvenWhenLossesAreTolerated() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        TableRows.keep(sim.primary(), "passwd", 0);

        BackupHarness.Run run = backup(DbBackupOptions.builder().maxRowLossPercent(100).build());

        assertThat(run.toString(), run.status(DbBackup.VERIFY), is(Status.FAILED));
        assertThat(run.message(DbBackup.VERIFY), containsString("passwd (2 -> 0 rows, an essential table)"));
    }

    @Test
    public void theEssentialTablesAreTheOnesAsked() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        TableRows.keep(sim.primary(), "passwd", 0);

        BackupHarness.Run run = backup(DbBackupOptions.builder().essentialTables(List.of("site")).maxRowLossPercent(100)
                .build());

        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
    }

    @Test
    public void xcatdDenyingEveryRequestIsExplainedAndTheBypassNamesTheTableItCannotDump() {
        sim.primary().inject(io.jenkins.plugins.xcatha.testkit.Fault.tableUnopenableDenying("hosts"));

        BackupHarness.Run denied = backup();
        assertThat(denied.toString(), denied.status(DbBackup.PREFLIGHT), is(Status.FAILED));
        assertThat(denied.message(DbBackup.PREFLIGHT), allOf(containsString("denies every request"),
                containsString("cannot open a table file"), containsString("useBypass: true")));

        BackupHarness.Run bypass = backup(DbBackupOptions.builder().useBypass(true).build());
        assertThat(bypass.toString(), bypass.status(DbBackup.VERIFY), is(Status.FAILED));
        assertThat(bypass.message(DbBackup.VERIFY), containsString("0 bytes: hosts"));
    }
}
