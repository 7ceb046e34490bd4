package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.Test;

public class InvocationTest {

    private static Invocation.Builder standbyPrepare() {
        return Invocation.builder(Invocation.Procedure.STANDBY_PREPARE).primary("mn1").standby("mn2:2222");
    }

    private static Invocation.Builder dbBackup() {
        return Invocation.builder(Invocation.Procedure.DB_BACKUP).primary("mn1");
    }

    @Test
    public void standbyPrepareFieldsBecomeTheEngineOptions() {
        StandbyPrepareOptions options = standbyPrepare().sharedDirs("/etc/xcat\n/install").hpcDaemons("teal, gpfs")
                .maxClockSkewSeconds(5).backupDatabase(true).checkMode(true).build().standbyPrepareOptions();

        assertThat(options.sharedDirs(), is(List.of("/etc/xcat", "/install")));
        assertThat(options.hpcDaemons(), is(List.of("teal", "gpfs")));
        assertThat(options.maxClockSkewSeconds(), is(5));
        assertThat(options.backupDatabase(), is(true));
        assertThat(options.checkMode(), is(true));
    }

    @Test
    public void standbyPrepareTakesItsBackupWithTheDbBackupFieldsCollectingIntoTheAgentsFolder() {
        Path folder = Path.of("/ws/xcat-ha/standby-prepare");
        Invocation invocation = standbyPrepare().backupDatabase(true).backupRoot("/var/backup/custom").keep(3)
                .maxAgeDays(30).allTables(true).collect(true).useBypass(true).dumpTimeoutSeconds(3_600)
                .ntpServer("ntp1.example.com").generateKeys(true).build();

        StandbyPrepareOptions options = invocation.standbyPrepareOptions(folder);
        DbBackupOptions backup = options.backup();
        assertThat(backup.backupRoot(), is("/var/backup/custom"));
        assertThat(backup.keep(), is(3));
        assertThat(backup.maxAgeDays(), is(OptionalInt.of(30)));
        assertThat(backup.allTables(), is(true));
        assertThat(backup.collectDirectory(), is(folder));
        assertThat(backup.useBypass(), is(true));
        assertThat(backup.dumpTimeoutSeconds(), is(3_600));
        assertThat(options.ntpServer(), is(java.util.Optional.of("ntp1.example.com")));
        assertThat(options.generateKeys(), is(true));
        assertThat("the controller checks without the agent's folder",
                invocation.standbyPrepareOptions().backup().collect(), is(false));
    }

    @Test
    public void nativeBackupTooIsPassedToStandbyPreparesBackup() {
        assertThat(standbyPrepare().nativeBackup(true).build().standbyPrepareOptions().backup().nativeBackup(),
                is(true));
        assertSameMessage(() -> standbyPrepare().backupDatabase(true).dumpTimeoutSeconds(5).build(),
                () -> DbBackupOptions.builder().dumpTimeoutSeconds(5).build());
        assertSameMessage(() -> standbyPrepare().ntpServer("ntp;reboot").build(),
                () -> StandbyPrepareOptions.builder().ntpServer("ntp;reboot").build().validate());
    }

    @Test
    public void standbyMustBeAnotherNodeOnceThePortIsApplied() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> standbyPrepare().primary("mn2").port(2222).build());
        assertThat(e.field(), is("standby"));
        assertThat(e.getMessage(), containsString("mn2:2222"));
        assertThat(standbyPrepare().primary("mn2").build().standbyAddress().port(), is(2222));
    }

    @Test
    public void blankListsMeanTheDefaultsAndNoneStopsNoHpcDaemon() {
        StandbyPrepareOptions defaults = standbyPrepare().build().standbyPrepareOptions();
        assertThat(defaults.sharedDirsGiven(), is(false));
        assertThat(defaults.hpcDaemons(), is(StandbyPrepareOptions.ALL_HPC_DAEMONS));
        assertThat(defaults.backupDatabase(), is(false));

        assertThat(standbyPrepare().hpcDaemons("none").build().standbyPrepareOptions().hpcDaemons(), is(List.of()));
    }

    @Test
    public void dbBackupFieldsBecomeTheEngineOptionsCollectingIntoTheAgentsFolder() {
        Path folder = Path.of("/ws/xcat-ha/db-backup");
        DbBackupOptions options = dbBackup().backupRoot("/data/xcat-backups").keep(14).maxAgeDays(30)
                .allTables(true).collect(true).useBypass(true).dumpTimeoutSeconds(7_200).build()
                .dbBackupOptions(folder);

        assertThat(options.backupRoot(), is("/data/xcat-backups"));
        assertThat(options.keep(), is(14));
        assertThat(options.maxAgeDays(), is(OptionalInt.of(30)));
        assertThat(options.allTables(), is(true));
        assertThat(options.collectDirectory(), is(folder));
        assertThat(options.useBypass(), is(true));
        assertThat(options.dumpTimeoutSeconds(), is(7_200));
    }

    @Test
    public void dbBackupDefaultsAreTheEngines() {
        DbBackupOptions options = dbBackup().maxAgeDays(0).build().dbBackupOptions(Path.of("/ws/f"));

        assertThat(options.backupRoot(), is(DbBackupOptions.DEFAULT_BACKUP_ROOT));
        assertThat(options.keep(), is(DbBackupOptions.DEFAULT_KEEP));
        assertThat(options.maxAgeDays(), is(OptionalInt.empty()));
        assertThat(options.collectDirectory(), is(nullValue()));
        assertThat(options.useBypass(), is(false));
        assertThat(options.dumpTimeoutSeconds(), is(DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS));
    }

    @Test
    public void badOptionsFailWhenBuiltWithTheEnginesMessage() {
        assertSameMessage(() -> standbyPrepare().hpcDaemons("teal,slurm").build(),
                () -> StandbyPrepareOptions.builder().hpcDaemons(List.of("teal", "slurm")).build().validate());
        assertSameMessage(() -> standbyPrepare().sharedDirs("/").build(),
                () -> StandbyPrepareOptions.builder().sharedDirs(List.of("/")).build().validate());
        assertSameMessage(() -> dbBackup().backupRoot("/var/backup/$(reboot)").build(),
                () -> DbBackupOptions.builder().backupRoot("/var/backup/$(reboot)").build());
        assertSameMessage(() -> dbBackup().keep(0).build(), () -> DbBackupOptions.builder().keep(0).build());
        assertSameMessage(() -> dbBackup().nativeBackup(true).allTables(true).build(),
                () -> DbBackupOptions.builder().nativeBackup(true).allTables(true).build());
    }

    @Test
    public void connectionFieldsAreCheckedHere() {
        assertThat(assertThrows(InvalidInputException.class, () -> standbyPrepare().standby("").build()).field(),
                is("standby"));
        assertThat(assertThrows(InvalidInputException.class, () -> dbBackup().port(0).build()).field(), is("port"));
        assertThat(assertThrows(InvalidInputException.class, () -> dbBackup().primary("mn1;reboot").build())
                .getMessage(), containsString("mn1;reboot"));
    }

    @Test
    public void travelsToTheAgentAndStillBuildsTheSameOptions() throws Exception {
        Invocation sent = standbyPrepare().hpcDaemons("cnm").backupDatabase(true).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sent);
        }
        Invocation received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (Invocation) in.readObject();
        }

        assertThat(received.standbyPrepareOptions().hpcDaemons(), is(List.of("cnm")));
        assertThat(received.standbyPrepareOptions().backupDatabase(), is(true));
        assertThat(received.standbyAddress().port(), is(2222));
    }

    private static void assertSameMessage(org.junit.function.ThrowingRunnable invocation,
                                          org.junit.function.ThrowingRunnable engine) {
        InvalidInputException fromInvocation = assertThrows(InvalidInputException.class, invocation);
        InvalidInputException fromEngine = assertThrows(InvalidInputException.class, engine);
        assertThat(fromInvocation.getMessage(), is(fromEngine.getMessage()));
    }
}
