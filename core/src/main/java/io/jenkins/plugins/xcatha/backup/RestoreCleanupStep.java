package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The staging directory (and an unpacked archive) removed. Runs after a failed step too; after an abort the
 * procedure's finaliser does the same.
 */
final class RestoreCleanupStep extends RestoreStepBase {

    RestoreCleanupStep(DbRestoreOptions options) {
        super(DbRestore.CLEANUP, "The staging directory removed", options, DbRestore.PREFLIGHT);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        RestoreRun run = RestoreRun.of(context);
        if (run.madeDirectories.isEmpty()) {
            return Outcome.ok(context.checkMode() ? "check mode: nothing was made on the node" : "nothing to remove");
        }
        List<String> removed = removeMadeDirectories(context, run);
        if (!run.madeDirectories.isEmpty()) {
            return Outcome.warning("could not remove " + String.join(", ", run.madeDirectories) + " on "
                    + context.primary().name() + ": remove it by hand");
        }
        return Outcome.changed("removed " + String.join(", ", removed));
    }

    /** Removes what the run made and forgets it; returns what was removed. */
    static List<String> removeMadeDirectories(StepContext context, RestoreRun run)
            throws ShellException, InterruptedException {
        List<String> removed = new ArrayList<>();
        if (run.madeDirectories.isEmpty()) {
            return removed;
        }
        CommandResult r = context.run(context.primary(), NodeScripts.script(RestoreScripts.REMOVE_DIRS,
                run.madeDirectories).withTimeout(Duration.ofMinutes(5)));
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("removed ")) {
                String directory = line.substring(8).strip();
                removed.add(directory);
                run.madeDirectories.remove(directory);
            }
        }
        return removed;
    }
}
