package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.junit.Rule;
import org.junit.Test;

/** A management node just initialised with xcatconfig: passwd has no row yet, and it is a valid thing to back up. */
public class FreshNodeBackupTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary").fresh(true));

    private BackupHarness.Run backup() {
        return BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder().build(), Mode.APPLY);
    }

    @Test
    public void aFreshNodeWithAnEmptyPasswdTableIsBackedUpWithANote() {
        assertThat(TableRows.count(sim.primary(), "passwd"), is(0));

        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
        assertThat(run.message(DbBackup.VERIFY), containsString(
                "essential table(s) without rows, as on a freshly initialised management node: passwd"));
    }

    @Test
    public void oncePasswdHasRowsLosingThemFails() {
        assertThat(backup().report.result(), is(Result.SUCCESS));
        sim.primary().exec("/opt/xcat/sbin/chtab", "key=system", "passwd.username=root", "passwd.password=cluster")
                .stdoutOrThrow();
        assertThat(backup().report.result(), is(Result.SUCCESS));
        TableRows.keep(sim.primary(), "passwd", 0);

        BackupHarness.Run run = backup();

        assertThat(run.toString(), run.status(DbBackup.VERIFY), is(Status.FAILED));
        assertThat(run.message(DbBackup.VERIFY), containsString("passwd (1 -> 0 rows, an essential table)"));
    }
}
