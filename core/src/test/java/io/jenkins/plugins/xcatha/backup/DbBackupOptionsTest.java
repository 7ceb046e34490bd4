package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.Test;

public class DbBackupOptionsTest {

    private static InvalidInputException refused(DbBackupOptions.Builder builder) {
        return assertThrows(InvalidInputException.class, builder::build);
    }

    @Test
    public void defaultsFollowTheSharedVocabulary() {
        DbBackupOptions o = DbBackupOptions.builder().build();
        assertThat(o.backupRoot(), equalTo("/var/backup/xcat"));
        assertThat(o.keep(), is(7));
        assertThat(o.maxAgeDays(), equalTo(OptionalInt.empty()));
        assertThat(o.allTables(), is(false));
        assertThat(o.nativeBackup(), is(false));
        assertThat(o.collect(), is(false));
        assertThat(o.useBypass(), is(false));
        assertThat(o.dumpTimeoutSeconds(), is(1800));
        assertThat(o.essentialTables(), equalTo(List.of("site", "passwd", "policy")));
    }

    @Test
    public void refusesARelativeBackupRootNamingFieldAndValue() {
        InvalidInputException e = refused(DbBackupOptions.builder().backupRoot("var/backup"));
        assertThat(e.field(), equalTo("backupRoot"));
        assertThat(e.getMessage(), containsString("'var/backup'"));
    }

    @Test
    public void refusesABackupRootDumpxCATdbWouldSplitOrExpand() {
        for (String hostile : List.of("/var/backup/x cat", "/tmp/$(reboot)", "/tmp/a;rm -rf /", "/tmp/`id`",
                "/tmp/it's", "~/backups", "/tmp/../etc")) {
            InvalidInputException e = refused(DbBackupOptions.builder().backupRoot(hostile));
            assertThat(hostile, e.field(), equalTo("backupRoot"));
        }
        assertThat(refused(DbBackupOptions.builder().backupRoot("/tmp/a\nb")).getMessage(),
                containsString("control character"));
    }

    @Test
    public void refusesTheFileSystemRootAsBackupRoot() {
        assertThat(refused(DbBackupOptions.builder().backupRoot("/")).getMessage(), containsString("'/'"));
    }

    @Test
    public void refusesOutOfRangeNumbersNamingTheField() {
        assertThat(refused(DbBackupOptions.builder().keep(0)).field(), equalTo("keep"));
        assertThat(refused(DbBackupOptions.builder().maxAgeDays(0)).field(), equalTo("maxAgeDays"));
        assertThat(refused(DbBackupOptions.builder().dumpTimeoutSeconds(5)).field(), equalTo("dumpTimeoutSeconds"));
        assertThat(refused(DbBackupOptions.builder().maxRowLossPercent(101)).field(), equalTo("maxRowLossPercent"));
        assertThat(refused(DbBackupOptions.builder().minFreeMegabytes(-1)).field(), equalTo("minFreeMegabytes"));
        assertThat(refused(DbBackupOptions.builder().lockWaitSeconds(-1)).getMessage(),
                containsString("lockWaitSeconds: -1"));
    }

    @Test
    public void refusesEssentialTablesThatAreNoTableNames() {
        InvalidInputException e = refused(DbBackupOptions.builder().essentialTables(List.of("site", "-rf")));
        assertThat(e.field(), equalTo("essentialTables"));
        assertThat(e.getMessage(), containsString("'-rf'"));
        assertThat(refused(DbBackupOptions.builder().essentialTables(List.of("site.csv"))).getMessage(),
                containsString("'site.csv' is not an xCAT table name"));
    }

    @Test
    public void collectNeedsADestination() {
        assertThat(refused(DbBackupOptions.builder().collect(true)).field(), equalTo("collect"));
        DbBackupOptions o = DbBackupOptions.builder().collectInto(Path.of("ws/../out")).build();
        assertThat(o.collect(), is(true));
        assertThat(o.collectDirectory().isAbsolute(), is(true));
        assertThat(o.collectDirectory().endsWith("out"), is(true));
    }

    @Test
    public void nativeBackupTakesNoAllTables() {
        assertThat(refused(DbBackupOptions.builder().nativeBackup(true).allTables(true)).field(),
                equalTo("nativeBackup"));
    }

    @Test
    public void toBuilderKeepsEveryField() {
        DbBackupOptions o = DbBackupOptions.builder().backupRoot("/srv/bak/").keep(3).maxAgeDays(30).allTables(true)
                .useBypass(true).dumpTimeoutSeconds(60).minFreeMegabytes(1).maxRowLossPercent(10).lockWaitSeconds(0)
                .essentialTables(List.of("site")).build();
        assertThat(o.backupRoot(), equalTo("/srv/bak"));
        assertThat(o.toBuilder().build().toString(), equalTo(o.toString()));
    }
}
