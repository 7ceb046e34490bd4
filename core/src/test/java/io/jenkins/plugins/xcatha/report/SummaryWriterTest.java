package io.jenkins.plugins.xcatha.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;

public class SummaryWriterTest {
    private final SummaryWriter writer = new SummaryWriter();

    @Test
    public void tableHasOneAlignedRowPerStep() {
        String[] lines = writer.table(SampleReports.standbyPrepare()).split("\n");

        assertThat(lines.length, is(6));
        assertThat(lines[0], matchesPattern("STEP +HOST +STATUS +DURATION +MESSAGE"));
        assertThat(lines[1], matchesPattern("preflight +mn1, mn2 +OK +150 ms +both reachable"));
        assertThat(lines[4], matchesPattern("shared-data +mn2 +FAILED +1\\.2 s +mount check failed: .*"));
        int statusColumn = lines[0].indexOf("STATUS");
        assertThat(lines[2].indexOf("WARNING"), is(statusColumn));
        assertThat(lines[5].indexOf("SKIPPED"), is(statusColumn));
    }

    @Test
    public void resultLineCountsStatusesAndHostsFollow() {
        String text = writer.toText(SampleReports.standbyPrepare());

        assertThat(text, containsString("Result: FAILURE (5 steps: 1 OK, 1 CHANGED, 1 WARNING, 1 FAILED, 1 SKIPPED)"
                + " in 2.3 s\n"));
        assertThat(text, containsString("Hosts: primary mn1, standby mn2\n"));
    }

    @Test
    public void failedStepShowsItsCommandsExitCodesAndLastLinesOfOutput() {
        StringBuilder many = new StringBuilder();
        IntStream.rangeClosed(1, 25).forEach(i -> many.append("dump line ").append(i).append('\n'));
        StepResult failed = new StepResult("dump", "dumpxCATdb", "mn1", Status.FAILED, "dumpxCATdb exited 1", 5,
                List.of(new CommandRecord("mn1", "dumpxCATdb -p /var/backup/xcat", 1, 5, many.toString(),
                        "Error: table nodelist failed")));
        ProcedureReport report = new ProcedureReport("db-backup", Mode.APPLY, Instant.EPOCH, 5,
                Map.of("primary", "mn1"), List.of(failed), false);

        String text = writer.toText(report);

        assertThat(text, containsString("FAILED dump on mn1: dumpxCATdb exited 1\n"
                + "  $ mn1: dumpxCATdb -p /var/backup/xcat\n    exit 1 after 5 ms\n"
                + "    stdout (last 10 of 25 lines):\n      dump line 16\n"));
        assertThat(text, containsString("      dump line 25\n    stderr:\n      Error: table nodelist failed\n"));
        assertThat(text, not(containsString("dump line 15\n")));
    }

    @Test
    public void commandsThatSucceededAreLeftToTheReport() {
        StepResult refused = new StepResult("preflight", "Preflight", "mn1, mn2", Status.FAILED,
                "refused: standby mn2 has the shared data mounted", 5,
                List.of(new CommandRecord("mn2", "mount", 0, 5, "/dev/sdb1 on /install type ext4\n", ""),
                        new CommandRecord("mn2", "hostname", 0, 1, "mn2\n", "")));
        ProcedureReport report = new ProcedureReport("standby-prepare", Mode.APPLY, Instant.EPOCH, 5,
                Map.of("primary", "mn1"), List.of(refused), false);

        String text = writer.toText(report);

        assertThat(text, containsString("FAILED preflight on mn1, mn2: refused: standby mn2 has the shared data mounted\n"
                + "  (its 2 command(s) all exited 0: the finding is in their output, kept in report.json and junit.xml)\n"));
        assertThat(text, not(containsString("$ mn2: hostname")));
    }

    @Test
    public void multiLineMessagesStayOnTheirRow() {
        StepResult step = new StepResult("preflight", "Preflight", "mn1", Status.WARNING, "first\nsecond", 1,
                List.of());
        ProcedureReport report = new ProcedureReport("db-backup", Mode.APPLY, Instant.EPOCH, 1,
                Map.of("primary", "mn1"), List.of(step), false);

        List<String> rows = writer.table(report).lines().collect(Collectors.toList());

        assertThat(rows.size(), is(2));
        assertThat(rows.get(1), containsString("first / second"));
    }

    @Test
    public void controlCharactersFromOutputCannotReachTheTerminal() {
        String text = writer.toText(SampleReports.standbyPrepare());

        assertThat(text, containsString("mount check failed: \\x1B[31mred\\x1B[0m nul:\\x00 bell:\\x07 end:]]>"));
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t').count(), is(0L));
    }
}
