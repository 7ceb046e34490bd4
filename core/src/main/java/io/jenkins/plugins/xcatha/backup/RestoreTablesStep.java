package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupStep.firstLines;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.OutputLineListener;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code restorexCATdb -V -p <staging>}, through xcatd or with XCATBYPASS=1 where xcatd is stopped, its stderr read
 * table by table because its exit code and its last line mean nothing. In check mode: what would change in each
 * table (rows added, rows removed), and nothing written.
 */
final class RestoreTablesStep extends RestoreStepBase {

    RestoreTablesStep(DbRestoreOptions options) {
        super(DbRestore.RESTORE, "restorexCATdb from the staging directory", options, DbRestore.STAGE);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        RestoreRun run = RestoreRun.of(context);
        return context.checkMode() ? wouldChange(context, run) : restore(context, run);
    }

    private Outcome wouldChange(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        TableContents now = tablesNow(context, run);
        TableContents wanted = backupContent(context, run);
        List<TableContents.Change> changes = run.tables.stream().map(t -> now.change(t, wanted))
                .filter(c -> !c.none()).toList();
        if (changes.isEmpty()) {
            return Outcome.ok("the database already holds exactly the rows of " + run.backupName + " in all "
                    + run.tables.size() + " tables: restoring it would change nothing");
        }
        return Outcome.changed("would restore the " + run.tables.size() + " tables of " + run.backupName + ("; ")
                + changes.size() + " would change (rows added, removed): " + changes.stream().limit(20)
                .map(TableContents.Change::toString).collect(Collectors.joining(", "))
                + (changes.size() > 20 ? ", ..." : "") + "; " + (run.tables.size() - changes.size()) + " unchanged");
    }

    private Outcome restore(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        Node node = context.primary();
        RestoreErrors errors = new RestoreErrors();
        AtomicInteger restored = new AtomicInteger();
        OutputLineListener listener = (stream, line) -> {
            if (stream == OutputLineListener.Stream.STDERR) {
                errors.accept(line);
            } else if (line.startsWith("Restoring ")) {
                restored.incrementAndGet();
            }
            if (!line.isBlank()) {
                context.progress().output(node.name(), line);
            }
        };
        Command restore = run.xcat(Command.of(NodeScripts.XCAT_SBIN + "restorexCATdb", "-V", "-p", run.stagingDirectory),
                Duration.ofSeconds(options.restoreTimeoutSeconds())).withLineListener(listener);
        run.restoreStarted = true;
        CommandResult result;
        try {
            result = context.run(node, restore);
        } catch (ShellException e) {
            if (e.phase() == ShellException.Phase.TIMEOUT) {
                return Outcome.failed("restorexCATdb did not finish within " + options.vocabulary().given(
                        "restoreTimeoutSeconds", "" + options.restoreTimeoutSeconds()) + " on " + node.name() + " ("
                        + restored.get() + " of " + run.tables.size() + " tables so far) and was stopped; the database"
                        + " is partly restored. " + undo(run));
            }
            throw e;
        }
        String how = run.bypass ? "with XCATBYPASS=1 (xcatd is stopped)" : "through xcatd";
        if (!result.succeeded()) {
            return rolledBack(context, run, "restorexCATdb failed on " + node.name() + " (exit " + result.exitCode()
                    + "): " + firstLines(result.combinedOutput(), 3) + ".");
        }
        Map<String, String> failed = errors.failedTables();
        if (!failed.isEmpty()) {
            List<String> named = new ArrayList<>();
            failed.forEach((table, why) -> named.add(table + " (" + abbreviate(why) + ")"));
            return rolledBack(context, run, "restorexCATdb " + how + " said \"Restore of Database Complete.\" and"
                    + " exited 0, but " + failed.size() + " of " + run.tables.size() + " tables failed: "
                    + String.join(", ", named.subList(0, Math.min(10, named.size())))
                    + (named.size() > 10 ? ", ..." : "") + ".");
        }
        if (!result.stdout().contains("Restore of Database Complete.")) {
            return rolledBack(context, run, "restorexCATdb ended without \"Restore of Database Complete.\" on "
                    + node.name() + ": " + firstLines(result.combinedOutput(), 3) + ".");
        }
        return Outcome.changed("restored the " + run.tables.size() + " tables of " + run.backupName + " " + how);
    }

    /**
     * After a restore that failed halfway, puts the safety backup back the same way (its table files only, from a
     * staging directory of their own), so that the database is as it was before rather than half restored.
     */
    private Outcome rolledBack(StepContext context, RestoreRun run, String what)
            throws ShellException, InterruptedException {
        if (run.safetyBackupName == null) {
            return Outcome.failed(what + " The database is partly restored. " + undo(run));
        }
        context.progress().message("rolling back to the safety backup " + run.safetyBackupName);
        Node node = context.primary();
        String source = run.root() + "/" + run.safetyBackupName;
        CommandResult files = context.run(node, Command.of("cat", "--", source + ".sha256")
                .withTimeout(Duration.ofMinutes(1)));
        List<String> args = new ArrayList<>(List.of(run.root(), source));
        try {
            args.addAll(Sha256Manifest.parse(files.stdout()).digests().keySet());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(what + " Rolling back failed: the manifest of " + run.safetyBackupName
                    + " cannot be read (" + e.getMessage() + "). The database is partly restored. " + undo(run));
        }
        CommandResult staged = context.run(node, NodeScripts.script(RestoreScripts.STAGE, args)
                .withTimeout(Duration.ofMinutes(10)));
        String directory = staged.stdout().lines().findFirst().orElse("").strip();
        if (directory.startsWith(run.root() + "/" + RestoreScripts.STAGING_PREFIX)) {
            run.madeDirectories.add(directory);
        }
        if (!staged.succeeded()) {
            return Outcome.failed(what + " Rolling back failed: the safety backup could not be staged (exit "
                    + staged.exitCode() + "). The database is partly restored. " + undo(run));
        }
        RestoreErrors errors = new RestoreErrors();
        CommandResult back = context.run(node, run.xcat(Command.of(NodeScripts.XCAT_SBIN + "restorexCATdb", "-p",
                directory), Duration.ofSeconds(options.restoreTimeoutSeconds()))
                .withLineListener((stream, line) -> {
                    if (stream == OutputLineListener.Stream.STDERR) {
                        errors.accept(line);
                    }
                }));
        if (!back.succeeded() || !back.stdout().contains("Restore of Database Complete.")) {
            return Outcome.failed(what + " Rolling back to " + run.safetyBackupName + " failed too (exit "
                    + back.exitCode() + "). The database is partly restored. " + undo(run));
        }
        if (!errors.failedTables().isEmpty()) {
            return Outcome.failed(what + " Rolled back to the safety backup " + run.safetyBackupName + ", except "
                    + String.join(", ", errors.failedTables().keySet()) + ", which could not be written either and"
                    + " kept what it had. Nothing else changed.");
        }
        return Outcome.failed(what + " Rolled back: the safety backup " + run.safetyBackupName + " was restored, so"
                + " the database is as it was before.");
    }

    static TableContents tablesNow(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        return TableContents.parse(context.run(context.primary(), run.xcat(NodeScripts.script(RestoreScripts.TABLES_NOW,
                run.tables), Duration.ofMinutes(10))).stdout());
    }

    /** The backup's rows: read locally from an archive in check mode, else from the files on the node. */
    static TableContents backupContent(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        if (run.backupContent != null) {
            StringBuilder all = new StringBuilder();
            for (String table : run.tables) {
                all.append(RestoreScripts.SECTION).append(table).append('\n')
                        .append(run.backupContent.getOrDefault(table, "")).append('\n');
            }
            return TableContents.parse(all.toString());
        }
        String directory = run.stagingDirectory != null ? run.stagingDirectory : run.backupDirectory;
        List<String> args = new ArrayList<>(List.of(directory));
        args.addAll(run.tables);
        return TableContents.parse(context.run(context.primary(), NodeScripts.script(RestoreScripts.FILES, args)
                .withTimeout(Duration.ofMinutes(10))).stdout());
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
