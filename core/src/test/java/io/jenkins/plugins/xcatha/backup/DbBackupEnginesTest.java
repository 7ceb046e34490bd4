package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.list;
import static io.jenkins.plugins.xcatha.report.Status.FAILED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

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
        return List.of(new Object[] {DbEngine.MYSQL, "MySQL/MariaDB", NativeBackup.UNSUPPORTED},
                new Object[] {DbEngine.POSTGRESQL, "PostgreSQL", NativeBackup.WRITES_A_DUMP_FILE},
                // The simulated DB2 writes an empty backup image: a native backup without data must fail.
                new Object[] {DbEngine.DB2, "DB2", NativeBackup.WRITES_AN_EMPTY_IMAGE});
    }

    enum NativeBackup { UNSUPPORTED, WRITES_A_DUMP_FILE, WRITES_AN_EMPTY_IMAGE }

    private final String engineName;
    private final NativeBackup nativeBackup;
    @Rule
    public SimulatedClusterRule sim;

    public DbBackupEnginesTest(DbEngine engine, String engineName, NativeBackup nativeBackup) {
        this.engineName = engineName;
        this.nativeBackup = nativeBackup;
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
        if (nativeBackup == NativeBackup.WRITES_A_DUMP_FILE) {
            assertThat(nativeRun.toString(), nativeRun.report.result(), is(Result.SUCCESS));
            assertThat(nativeRun.message(DbBackup.VERIFY), containsString("native " + engineName + " backup"));
            assertThat(list(sim.primary(), ROOT + "/" + nativeRun.backupName()), hasSize(1));
        } else if (nativeBackup == NativeBackup.WRITES_AN_EMPTY_IMAGE) {
            assertThat(nativeRun.toString(), nativeRun.status(DbBackup.VERIFY), is(FAILED));
            assertThat(nativeRun.message(DbBackup.VERIFY), containsString("wrote no data file"));
        } else {
            assertThat(nativeRun.status(DbBackup.PREFLIGHT), is(FAILED));
            assertThat(nativeRun.message(DbBackup.PREFLIGHT), containsString("not supported for " + engineName));
            assertThat(sim.primary().invocations("dumpxCATdb"), hasSize(1));
        }
        assertThat("no lock left", list(sim.primary(), ROOT), not(hasItem(".xcat-ha.lock")));
    }
}
