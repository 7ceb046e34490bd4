package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * db-restore on every database engine (and AIX with DB2), on a standby, and with xcatd stopped: the backup reads
 * back identical, or the standby is refused unless asked.
 */
public class DbRestoreEverywhereTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));

    private static void backupDamageRestore(SimulatedCluster cluster, DbRestoreOptions options) {
        var node = cluster.primary();
        Map<String, String> before = DbRestoreTest.tables(node);
        BackupHarness.Run backup = BackupHarness.run(cluster, node, DbBackupOptions.builder().build(), Mode.APPLY);
        assertThat(backup.toString(), backup.report.result(), is(Result.SUCCESS));
        TableRows.keep(node, "nodelist", 0);
        BackupHarness.Run restore = BackupHarness.run(cluster, node, DbRestore.procedure(options), Mode.APPLY);
        assertThat(restore.toString(), restore.report.result(), is(Result.SUCCESS));
        assertThat(DbRestoreTest.tables(node), equalTo(before));
    }

    @Test
    public void everyEngineGetsItsBackupBackIdentical() {
        for (DbEngine engine : DbEngine.values()) {
            Flavour flavour = engine == DbEngine.DB2 ? Flavour.AIX7 : Flavour.RHEL9;
            try (SimulatedCluster cluster = SimulatedCluster.start(NodeSpec.node("primary").engine(engine).flavour(flavour))) {
                backupDamageRestore(cluster, DbRestoreOptions.builder().build());
            }
        }
    }

    @Test
    public void withXcatdStoppedTheRestoreRunsWithXcatBypass() {
        {
            SimulatedCluster cluster = sim.cluster();
            cluster.primary().exec("systemctl", "stop", "xcatd").stdoutOrThrow();
            var node = cluster.primary();
            BackupHarness.Run backup = BackupHarness.run(cluster, node, DbBackupOptions.builder().useBypass(true).build(),
                    Mode.APPLY);
            assertThat(backup.toString(), backup.report.result(), is(Result.SUCCESS));
            TableRows.keep(node, "nodelist", 0);
            BackupHarness.Run restore = BackupHarness.run(cluster, node, DbRestore.procedure(DbRestoreOptions.builder()
                    .build()), Mode.APPLY);
            assertThat(restore.toString(), restore.report.result(), is(Result.SUCCESS));
            assertThat(restore.message(DbRestore.RESTORE), containsString("with XCATBYPASS=1 (xcatd is stopped)"));
            assertThat(TableRows.count(node, "nodelist"), is(4));
        }
    }

    @Test
    public void theStandbyIsRefusedUnlessAskedFor() {
        try (SimulatedCluster cluster = SimulatedCluster.start(NodeSpec.node("primary"), NodeSpec.node("standby"))) {
            var standby = cluster.standby();
            BackupHarness.Run backup = BackupHarness.run(cluster, standby, DbBackupOptions.builder().build(), Mode.APPLY);
            assertThat(backup.toString(), backup.report.result(), is(Result.SUCCESS));

            BackupHarness.Run refused = BackupHarness.run(cluster, standby, DbRestore.procedure(DbRestoreOptions.builder()
                    .build()), Mode.APPLY);
            assertThat(refused.toString(), refused.status(DbRestore.PREFLIGHT), is(Status.FAILED));
            assertThat(refused.message(DbRestore.PREFLIGHT), allOf(containsString("is not the active management node"),
                    containsString("restoreOnStandby: true")));
            assertThat(standby.invocations("restorexCATdb"), empty());

            BackupHarness.Run asked = BackupHarness.run(cluster, standby, DbRestore.procedure(DbRestoreOptions.builder()
                    .restoreOnStandby(true).build()), Mode.APPLY);
            assertThat(asked.toString(), asked.report.result(), is(Result.SUCCESS));
            assertThat(asked.message(DbRestore.PREFLIGHT), containsString("a standby"));
        }
    }
}
