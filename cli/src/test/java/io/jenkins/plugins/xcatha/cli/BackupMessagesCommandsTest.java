package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * db-backup's messages in the terminal name the CLI's flags, never the Pipeline parameters, and the one-run
 * acceptance of deliberately deleted rows works from the command line.
 */
public class BackupMessagesCommandsTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));

    private Cli backup(String... more) {
        SimulatedNode node = sim.primary();
        List<String> args = new ArrayList<>(List.of("db-backup", "--host", node.address(), "--transport", "trilead"));
        args.addAll(SimulatedPair.sshOptions(sim.cluster()));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(new String[0]));
    }

    private void keepRows(String table, int rows) {
        sim.primary().keepRows(table, rows);
    }

    @Test
    public void xcatdDownSaysToUseTheBypassFlag() {
        sim.primary().inject(Fault.serviceStopped("xcatd"));

        Cli cli = backup();

        assertThat(cli.toString(), cli.exitCode, is(1));
        assertThat(cli.out, allOf(containsString("or set --bypass to dump the database files directly"),
                not(containsString("useBypass"))));
    }

    @Test
    public void theBypassWarningNamesTheFlag() {
        sim.primary().inject(Fault.serviceStopped("xcatd"));

        Cli cli = backup("--bypass");

        assertThat(cli.toString(), cli.exitCode, is(0));
        assertThat(cli.out + cli.err, allOf(containsString("--bypass: the dump reads the database files directly"),
                not(containsString("useBypass"))));
    }

    @Test
    public void deletedRowsAreRefusedNamingTheFlagThenAcceptedForOneRun() {
        assertThat(backup().exitCode, is(0));
        keepRows("nodelist", 1);

        Cli refused = backup();
        assertThat(refused.toString(), refused.exitCode, is(1));
        assertThat(refused.out, allOf(containsString("nodelist (4 -> 1 rows)"),
                containsString("run this backup once with --accept-row-loss nodelist"),
                not(containsString("acceptRowLoss")), not(containsString("maxRowLossPercent"))));

        Cli accepted = backup("--accept-row-loss", "nodelist");
        assertThat(accepted.toString(), accepted.exitCode, is(0));
        assertThat(accepted.out, containsString("row loss accepted with --accept-row-loss nodelist: nodelist (4 -> 1 rows)"));

        assertThat("the next backup compares with the accepted one", backup().exitCode, is(0));
    }

    @Test
    public void essentialTablesAreChosenOnTheCommandLine() {
        assertThat(backup().exitCode, is(0));
        keepRows("passwd", 0);

        assertThat(backup("--keep", "3").out, containsString("passwd (2 -> 0 rows, an essential table)"));
        Cli withoutPasswd = backup("--essential-tables", "site,policy", "--accept-row-loss", "passwd");
        assertThat(withoutPasswd.toString(), withoutPasswd.exitCode, is(0));

        Cli bad = backup("--essential-tables", "site;reboot");
        assertThat(bad.toString(), bad.exitCode, is(2));
        assertThat(bad.err, containsString("--essential-tables: 'site;reboot' is not a valid name"));
    }
}
