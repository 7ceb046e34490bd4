package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.list;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;

/**
 * A dump as slow as on a real node (about a second a table, 68 s for all): the run shows its progress table by
 * table while it lasts, and a dump timeout ends it cleanly. (One test: it takes the timeout's 20 seconds.)
 */
public class RealDurationBackupTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary").realDurations(true));

    @Test
    public void aDumpSlowerThanItsTimeoutShowsItsProgressThenEndsCleanly() {
        long started = System.nanoTime();
        BackupHarness.Run run = BackupHarness.run(sim.cluster(), sim.primary(),
                DbBackupOptions.builder().dumpTimeoutSeconds(20).build(), Mode.APPLY);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(run.toString(), run.status(DbBackup.DUMP), is(Status.FAILED));
        assertThat(run.message(DbBackup.DUMP), allOf(containsString("did not finish within dumpTimeoutSeconds: 20"),
                containsString("the half dump is removed"), containsString("Raise dumpTimeoutSeconds")));
        long tablesShown = run.output.stream().filter(l -> l.startsWith("Dumping ")).count();
        assertThat("a table a second, shown as it went", tablesShown, allOf(greaterThan(12L), lessThan(30L)));
        assertThat("ended at the timeout, not at the end of the dump", seconds, lessThan(45L));
        assertThat("no dumpxCATdb left running", sim.primary().processesOfNode().stream()
                .filter(p -> p.contains("dumpxCATdb")).collect(Collectors.toList()), is(empty()));
        assertThat("no half dump and no lock left", list(sim.primary(), ROOT), is(empty()));
    }
}
