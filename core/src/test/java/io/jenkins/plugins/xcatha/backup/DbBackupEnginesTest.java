package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.list;
import static io.jenkins.plugins.xcatha.report.Status.FAILED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/** A CSV backup on every engine; a native backup where the engine has one, a clear refusal where not. */
@RunWith(Parameterized.class)
public class DbBackupEnginesTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return List.of(new Object[] {DbEngine.MYSQL, "MySQL/MariaDB", false},
                new Object[] {DbEngine.POSTGRESQL, "PostgreSQL", true},
                new Object[] {DbEngine.DB2, "DB2", true});
    }

    private final String engineName;
    private final boolean hasNativeBackup;
    @Rule
    public SimulatedClusterRule sim;

    public DbBackupEnginesTest(DbEngine engine, String engineName, boolean hasNativeBackup) {
        this.engineName = engineName;
        this.hasNativeBackup = hasNativeBackup;
        this.sim = new SimulatedClusterRule(NodeSpec.node("primary").engine(engine));
    }

    @Test
    public void csvBackupIsVerifiedAndNativeBackupDependsOnTheEngine() {
        BackupHarness.Run csv = BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder().build(),
                Mode.APPLY);
        assertThat(csv.toString(), csv.report.result(), is(Result.SUCCESS));
        assertThat(csv.message(DbBackup.PREFLIGHT), containsString(engineName));
        assertThat(sim.primary().readFile(ROOT + "/" + csv.backupName() + ".json"),
                containsString("\"dbEngine\":\"" + engineName + "\""));

        BackupHarness.Run nativeRun = BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder()
                .nativeBackup(true).build(), Mode.APPLY);
        if (hasNativeBackup) {
            assertThat(nativeRun.toString(), nativeRun.report.result(), is(Result.SUCCESS));
            assertThat(nativeRun.message(DbBackup.VERIFY), containsString("native " + engineName + " backup"));
            assertThat(list(sim.primary(), ROOT + "/" + nativeRun.backupName()), hasSize(1));
        } else {
            assertThat(nativeRun.status(DbBackup.PREFLIGHT), is(FAILED));
            assertThat(nativeRun.message(DbBackup.PREFLIGHT), containsString("not supported for " + engineName));
            assertThat(sim.primary().invocations("dumpxCATdb"), hasSize(1));
        }
        assertThat("no half dumps left", list(sim.primary(), ROOT).stream()
                .filter(n -> n.startsWith(".")).toList(), empty());
    }
}
