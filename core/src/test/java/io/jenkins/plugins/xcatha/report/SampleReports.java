package io.jenkins.plugins.xcatha.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports as a run could produce them, with the output real nodes print (escapes, odd bytes, markup). */
final class SampleReports {
    /** Output with a terminal escape, a NUL, a CDATA terminator, quotes, markup and non-ASCII text. */
    static final String HOSTILE = "\u001b[31mred\u001b[0m nul:\u0000 bell:\u0007 end:]]> <tag a=\"b\" c='d'> & "
            + "Müller 日本 \uD83D\uDE00 lone:\uD800!";

    private SampleReports() {
    }

    static ProcedureReport standbyPrepare() {
        CommandRecord ok = new CommandRecord("mn1", "lsxcatd -a", 0, 12, "Version 2.16.5\n", "");
        CommandRecord hostile = new CommandRecord("mn2", "cat '/etc/x y'", 1, 7, "line1\n" + HOSTILE + "\n",
                "cat: " + HOSTILE);
        CommandRecord lost = CommandRecord.notCompleted("mn2", "systemctl stop xcatd", 30_000,
                "root@mn2:22: timeout failed: no answer in 30 s");
        List<StepResult> steps = List.of(
                new StepResult("preflight", "Inputs, reachability, same OS and xCAT", "mn1, mn2", Status.OK,
                        "both reachable", 150, List.of(ok)),
                new StepResult("time-sync", "Clocks synchronised", "mn1, mn2", Status.WARNING,
                        "clock skew 3 s exceeds 2 s", 40, List.of()),
                new StepResult("ssh-trust", "Root SSH trust both ways", "mn1, mn2", Status.CHANGED,
                        "appended mn1's key to mn2:/root/.ssh/authorized_keys", 80, List.of()),
                new StepResult("shared-data", "Shared data \"not\" mounted <here>", "mn2", Status.FAILED,
                        "mount check failed: " + HOSTILE, 1234, List.of(hostile, lost)),
                new StepResult("stop-xcat-services", "Stop xCAT services", "mn2", Status.SKIPPED,
                        "not run: it needs shared-data, which did not succeed", 0, List.of()));
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("primary", "mn1");
        hosts.put("standby", "mn2");
        return new ProcedureReport("standby-prepare", Mode.APPLY, Instant.parse("2025-03-01T10:15:30.250Z"), 2345,
                hosts, steps, false);
    }

    static ProcedureReport dbBackup() {
        List<StepResult> steps = List.of(
                new StepResult("preflight", "Preflight", "mn1", Status.OK, "", 10, List.of()),
                new StepResult("dump", "dumpxCATdb", "mn1", Status.CHANGED, "would dump 42 tables", 20,
                        List.of()));
        return new ProcedureReport("db-backup", Mode.CHECK, Instant.parse("2025-03-01T11:00:00Z"), 30,
                Map.of("primary", "mn1"), steps, false);
    }
}
