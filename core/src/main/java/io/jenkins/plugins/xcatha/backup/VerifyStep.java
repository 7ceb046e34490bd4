package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.SiteAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dump holds every table it should, each with its data: dumpxCATdb exits 0 when tables fail, and a
 * corrupt or unopenable table yields a header-only or 0-byte CSV without any error (xcat-observed 2.4, D3).
 * The file checks run on the node in one command; see {@link DumpVerifier} for the rules.
 */
final class VerifyStep extends BackupStep {

    VerifyStep(DbBackupOptions options) {
        super(DbBackup.VERIFY, "every table dumped with its rows", options, DbBackup.DUMP);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (context.checkMode()) {
            return Outcome.skipped("check mode: nothing was dumped");
        }
        BackupRun run = BackupRun.of(context);
        return options.nativeBackup() ? verifyNative(context, run) : verifyCsv(context, run);
    }

    private Outcome verifyCsv(StepContext context, BackupRun run) throws ShellException, InterruptedException {
        Node node = context.primary();
        CommandResult listed = context.run(node, xcat(NodeScripts.script(NodeScripts.TABLE_LIST)));
        String[] parts = (listed.stdout() + "\n").split("(?m)^" + NodeScripts.SKIP_MARKER + "\n", 2);
        if (parts.length < 2) {
            return failedKeeping(run, "cannot read the database's table list (`tabdump` exit " + listed.exitCode()
                    + "): " + firstLines(listed.combinedOutput(), 3));
        }
        if (!listed.succeeded()) {
            return failedKeeping(run, "cannot read site.skiptables (`tabdump site` exit " + listed.exitCode() + "): "
                    + firstLines(listed.stderr().isBlank() ? parts[1] : listed.stderr(), 3));
        }
        String skipTables = parts[1].startsWith("XCAT_SKIPTABLES=")
                ? parts[1].substring("XCAT_SKIPTABLES=".length()).strip()
                : SiteAttributes.parseTabdump(parts[1]).get("skiptables").orElse("");
        TableSelection selection = TableSelection.of(parts[0], options.allTables(), skipTables);
        if (selection.expected().isEmpty()) {
            return failedKeeping(run, "`tabdump` listed no tables to check the dump against: "
                    + firstLines(parts[0], 3));
        }
        CommandResult files = context.run(node, NodeScripts.script(NodeScripts.CHECK_CSV_FILES,
                NodeScripts.concat(List.of(run.partialPath()), selection.expected())).withTimeout(Duration.ofMinutes(10)));
        if (!files.succeeded()) {
            return failedKeeping(run, "checking the CSV files failed (exit " + files.exitCode() + "): "
                    + firstLines(files.combinedOutput(), 3));
        }
        run.listing = CsvFileCheck.parse(files.stdout());
        Map<String, Integer> previousRows = run.previous == null || run.previous.nativeBackup() ? Map.of()
                : run.previous.rows();
        DumpVerifier.Verdict verdict = DumpVerifier.of(options)
                .verify(selection, run.listing, run.dumpErrors, previousRows);
        run.verdict = verdict;
        if (!verdict.complete()) {
            return failedKeeping(run, "the dump is incomplete: " + String.join("; ", verdict.problems()));
        }
        int rows = verdict.rows().values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder message = new StringBuilder(selection.expected().size() + " tables verified (" + rows
                + " rows, every CSV with its header");
        message.append(previousRows.isEmpty() ? "; no earlier backup to compare row counts with)"
                : "; row counts compared with " + run.previous.name() + ")");
        for (String note : verdict.notes()) {
            message.append("; ").append(note);
        }
        return Outcome.ok(message.toString());
    }

    private Outcome verifyNative(StepContext context, BackupRun run) throws ShellException, InterruptedException {
        CommandResult files = context.run(context.primary(), NodeScripts.script(NodeScripts.CHECK_CSV_FILES,
                run.partialPath()).withTimeout(Duration.ofMinutes(10)));
        run.listing = CsvFileCheck.parse(files.stdout());
        long nonEmpty = run.listing.fileSizes().values().stream().filter(size -> size > 0).count();
        if (!files.succeeded() || nonEmpty == 0) {
            return failedKeeping(run, "the native backup wrote no data file into " + run.partialPath());
        }
        if (!run.dumpErrors.otherErrors().isEmpty()) {
            return failedKeeping(run, "dumpxCATdb -b reported: " + run.dumpErrors.otherErrors().get(0));
        }
        run.verdict = new DumpVerifier.Verdict(List.of(), List.of(), Map.of());
        return Outcome.ok("native " + run.engine.displayName() + " backup: " + String.join(", ",
                run.listing.fileSizes().keySet()) + " (" + megabytes((run.listing.totalBytes() + 1023) / 1024) + ")");
    }

    private Command xcat(Command command) {
        Command c = command.withTimeout(Duration.ofMinutes(10));
        return options.useBypass() ? c.withEnvironment("XCATBYPASS", "1") : c;
    }

    private static Outcome failedKeeping(BackupRun run, String message) {
        if (run.dumpErrors.sawNoSpaceLeft()) {
            // Keeping it would only hold on to the space the next run needs; the finaliser removes it.
            return Outcome.failed(message + ". The half dump " + run.partialPath() + " is removed to free the space.");
        }
        run.keepPartial = true;
        return Outcome.failed(message + ". The dump stays at " + run.partialPath() + " for inspection; it is not a"
                + " usable backup and retention removes it after " + RetentionPolicy.DEFAULT_PARTIAL_GRACE.toHours()
                + " hours.");
    }
}
