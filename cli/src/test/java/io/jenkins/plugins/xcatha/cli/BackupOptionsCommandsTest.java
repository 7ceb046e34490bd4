package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The db-backup options through the command line, against one simulated pair: standby-prepare's
 * backup-database step takes the backup as db-backup does, and a slow dump is bound by --dump-timeout only.
 */
public class BackupOptionsCommandsTest {
    @ClassRule
    public static final SimulatedClusterRule SIM = SimulatedClusterRule.pair();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static List<String> withSsh(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--transport", "trilead"));
        all.addAll(SimulatedPair.sshOptions(SIM.cluster()));
        return all;
    }

    @Test
    public void standbyPrepareBacksUpThePrimaryUnderTheGivenRootAndCollectsTheArchive() throws Exception {
        SimulatedCluster cluster = SIM.cluster();
        Path out = tmp.getRoot().toPath();

        Cli cli = Cli.run(withSsh("standby-prepare", "--primary", cluster.primary().address(), "--standby",
                cluster.standby().address(), "--backup-database", "--backup-root", "/var/backup/custom", "--keep", "3",
                "--collect", "--out", out.toString()).toArray(new String[0]));

        assertThat(cli.toString(), cli.out, containsString("backup-database      CHANGED"));
        List<String> onPrimary = List.of(cluster.primary().observe("ls", "-A", "/var/backup/custom").stdoutOrThrow()
                .split("\\s+"));
        List<String> sealed = onPrimary.stream().filter(n -> n.endsWith(".sha256")).collect(Collectors.toList());
        assertThat(onPrimary.toString(), sealed, hasSize(1));
        String backup = sealed.get(0).replace(".sha256", "");
        assertThat(onPrimary.toString(), onPrimary.contains(backup), is(true));
        assertThat("no unfinished dump and no lock left: " + onPrimary,
                onPrimary.stream().anyMatch(n -> n.startsWith(".")), is(false));
        assertThat(backupsUnder(cluster.primary(), "/var/backup/xcat"), is(""));
        assertNoBackupOn(cluster.standby());
        try (Stream<Path> files = Files.list(out.resolve("xcat-ha/standby-prepare"))) {
            List<String> archives = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tar.gz"))
                    .collect(Collectors.toList());
            assertThat(archives, is(List.of(backup + ".tar.gz")));
        }
    }

    @Test
    public void aDumpSlowerThanTheCommandTimeoutSucceedsWithinTheDumpTimeout() throws Exception {
        SimulatedNode primary = SIM.primary();
        // 71 tables at 100 ms each: about 7 s, more than --command-timeout allows any other command.
        primary.inject(Fault.dumpDelay(100));
        try {
            Cli cli = Cli.run(withSsh("db-backup", "--host", primary.address(), "--backup-root", "/var/backup/slow",
                    "--command-timeout", "3", "--dump-timeout", "120", "--json").toArray(new String[0]));

            assertThat(cli.toString(), cli.exitCode, is(ExitCode.SUCCESS));
            JsonNode dump = new ObjectMapper().readTree(cli.out).get("steps").get(1);
            assertThat(dump.get("id").asText(), is("dump"));
            assertThat(dump.get("status").asText(), is("CHANGED"));
            assertThat("the dump outlasted --command-timeout: " + dump, dump.get("durationMs").asLong() > 3_000,
                    is(true));
            assertThat(primary.observe("ls", "/var/backup/slow").stdoutOrThrow(),
                    matchesPattern("(?s).*xcatdb-\\S+\\.sha256.*"));
        } finally {
            primary.clearFaults();
        }
    }

    private static void assertNoBackupOn(SimulatedNode node) {
        assertThat(node.fileExists("/var/backup/custom"), is(false));
        assertThat(backupsUnder(node, "/var/backup/xcat"), is(""));
    }

    /** The node image has an empty /var/backup/xcat. */
    private static String backupsUnder(SimulatedNode node, String root) {
        return node.observe("ls", "-A", root).stdoutOrThrow().strip();
    }
}
