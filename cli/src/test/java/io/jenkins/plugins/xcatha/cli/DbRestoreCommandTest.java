package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** xcat-ha db-restore: from a backup on the node, from an archive on this machine, and its usage errors. */
public class DbRestoreCommandTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Cli xcatHa(String command, String... more) {
        SimulatedNode node = sim.primary();
        List<String> args = new ArrayList<>(List.of(command, "--host", node.address(), "--transport", "trilead"));
        args.addAll(SimulatedPair.sshOptions(sim.cluster()));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(new String[0]));
    }

    private String nodelist() {
        return sim.primary().exec("/opt/xcat/sbin/tabdump", "nodelist").stdoutOrThrow();
    }

    private void deleteNodes() {
        sim.primary().keepRows("nodelist", 0);
    }

    @Test
    public void anArchiveOnThisMachineIsRestoredAndTheNodesComeBack() throws Exception {
        Path out = tmp.newFolder().toPath();
        String before = nodelist();
        assertThat(xcatHa("db-backup", "--collect", "--out", out.toString()).exitCode, is(0));
        Path archive;
        try (Stream<Path> files = Files.list(out.resolve("xcat-ha/db-backup"))) {
            archive = files.filter(f -> f.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
        deleteNodes();
        assertThat(nodelist(), not(before));

        Cli check = xcatHa("db-restore", "--archive", archive.toString(), "--check");
        assertThat(check.toString(), check.exitCode, is(0));
        assertThat(check.out, containsString("nodelist (+4 -0)"));
        assertThat("check mode changed nothing", nodelist(), not(before));

        Cli restored = xcatHa("db-restore", "--archive", archive.toString(), "--out", out.toString());
        assertThat(restored.toString(), restored.exitCode, is(0));
        assertThat(restored.out, allOf(containsString("[ 7/7] cleanup              CHANGED"), containsString("restore that one with --backup"
                + " xcatdb-")));
        assertThat(nodelist(), is(before));
        assertThat(Files.isRegularFile(out.resolve("xcat-ha/db-restore/report.json")), is(true));
    }

    @Test
    public void backupAndArchiveTogetherIsBadUsage() {
        Cli cli = xcatHa("db-restore", "--backup", "latest", "--archive", "/tmp/x.tar.gz");
        assertThat(cli.toString(), cli.exitCode, is(2));
        assertThat(cli.err, containsString("--archive: give either --backup NAME or --archive FILE, not both"));
    }

    @Test
    public void aBackupNameThatIsNoneIsRefusedNamingTheFlag() {
        Cli cli = xcatHa("db-restore", "--backup", "yesterday;reboot");
        assertThat(cli.toString(), cli.exitCode, is(2));
        assertThat(cli.err, containsString("--backup: 'yesterday;reboot' is neither 'latest' nor a backup name"));
    }
}
