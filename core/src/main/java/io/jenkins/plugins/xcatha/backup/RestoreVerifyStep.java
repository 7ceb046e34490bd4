package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Every restored table read back (tabdump, as the node serves it now) holds exactly the backup's rows; the
 * tables that differ are named with what differs.
 */
final class RestoreVerifyStep extends RestoreStepBase {

    RestoreVerifyStep(DbRestoreOptions options) {
        super(DbRestore.VERIFY, "Every table reads back with the backup's rows", options, DbRestore.RESTORE);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (context.checkMode()) {
            return Outcome.skipped("check mode: nothing was restored");
        }
        RestoreRun run = RestoreRun.of(context);
        TableContents now = RestoreTablesStep.tablesNow(context, run);
        TableContents backup = RestoreTablesStep.backupContent(context, run);
        List<String> differing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        now.unreadable().forEach((table, why) -> differing.add(table + " (cannot be read back: tabdump " + why + ")"));
        for (String table : run.tables) {
            if (now.unreadable().containsKey(table)) {
                continue;
            }
            TableContents.Change change = now.change(table, backup);
            if (change.none()) {
                continue;
            }
            String what = table + " (backup " + backup.rows(table).size() + " rows, now " + now.rows(table).size() + ": "
                    + change.added() + " of the backup's rows missing, " + change.removed() + " rows not in the backup)";
            if (DumpVerifier.SELF_MANAGED_TABLES.containsKey(table)) {
                notes.add(what + ", not counted: " + DumpVerifier.SELF_MANAGED_TABLES.get(table));
            } else {
                differing.add(what);
            }
        }
        if (!differing.isEmpty()) {
            return Outcome.failed(differing.size() + " table(s) do not read back as " + run.backupName + " has them: "
                    + String.join(", ", differing) + ". " + undo(run));
        }
        return Outcome.ok("all " + run.tables.size() + " tables read back with the rows of " + run.backupName + " ("
                + backup.totalRows() + " rows)" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }
}
