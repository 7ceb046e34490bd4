package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.testkit.ExecResult;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The proof of a backup: restorexCATdb on a fresh node brings back the same tables, cleanly. */
public class DbBackupRestoreTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Every table as {@code tabdump <table>} shows it, read in one go. */
    private static Map<String, String> tables(SimulatedNode node) {
        String all = node.observe("/bin/sh", "-c", "for t in $(/opt/xcat/sbin/tabdump); do echo \"@@table $t\";"
                + " /opt/xcat/sbin/tabdump \"$t\" || exit 1; done").stdoutOrThrow();
        Map<String, String> tables = new LinkedHashMap<>();
        for (String chunk : all.split("@@table ")) {
            if (!chunk.isEmpty()) {
                int eol = chunk.indexOf('\n');
                tables.put(chunk.substring(0, eol), chunk.substring(eol + 1));
            }
        }
        return tables;
    }

    @Test
    public void aCollectedBackupRestoresCleanlyOnAFreshNodeAndTheTablesMatch() throws Exception {
        Path workspace = tmp.newFolder().toPath();
        BackupHarness.Run run = BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder()
                .collectInto(workspace).build(), Mode.APPLY);
        assertThat(run.toString(), run.report.result(), is(Result.SUCCESS));
        String name = run.backupName();
        Map<String, String> primary = tables(sim.primary());
        assertThat("the fresh node starts different", tables(sim.standby()), not(equalTo(primary)));

        // The whole layout as on the primary: dump directory with the manifest and metadata beside it.
        try (InputStream in = Files.newInputStream(workspace.resolve(name + ".tar.gz"));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    sim.standby().writeFile(ROOT + "/" + e.getName(), new String(tar.readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
        }
        ExecResult restore = sim.standby().exec("/opt/xcat/sbin/restorexCATdb", "-p", ROOT + "/" + name);

        assertThat(restore.toString(), restore.exitCode(), is(0));
        assertThat("nothing beside the CSVs was replayed as a table", restore.stderr(), equalTo(""));
        Map<String, String> restored = tables(sim.standby());
        restored.remove("auditlog");
        restored.remove("eventlog");
        primary.remove("auditlog");
        primary.remove("eventlog");
        assertThat(restored, equalTo(primary));
    }
}
