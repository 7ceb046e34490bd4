package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies the {@link RetentionPolicy} to what the backup root holds now. Runs only after a backup was sealed
 * (or in check mode), so a failing node never erodes its own history; removes nothing it cannot prove is
 * ours, and says what it removed (in check mode: what it would remove).
 */
final class RetentionStep extends BackupStep {

    RetentionStep(DbBackupOptions options) {
        super(DbBackup.RETENTION, "old backups removed by the retention rules", options, DbBackup.CHECKSUM);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        BackupRun run = BackupRun.of(context);
        Node node = context.primary();
        RootInventory inventory = RootInventory.read(context, run.root());
        RetentionPlan plan = RetentionPolicy.from(options).plan(inventory.stored(), inventory.now(),
                run.committed ? run.name : null);
        String rules = "keep " + options.keep() + (options.maxAgeDays().isPresent()
                ? ", maxAgeDays " + options.maxAgeDays().getAsInt() : "");
        String kept = "kept " + plan.kept().size() + (plan.kept().isEmpty() ? "" : " (newest " + plan.kept().get(0) + ")");
        String notes = plan.notes().isEmpty() ? "" : "; " + String.join("; ", plan.notes());
        if (plan.removals().isEmpty()) {
            return Outcome.ok("nothing to remove (" + rules + "); " + kept + notes);
        }
        String listed = plan.removals().stream().map(Object::toString).collect(Collectors.joining(", "));
        if (context.checkMode()) {
            return Outcome.changed("would remove " + plan.removals().size() + ": " + listed + " (" + rules + "); "
                    + kept + notes);
        }
        List<String> entries = new ArrayList<>();
        for (RetentionPlan.Removal r : plan.removals()) {
            entries.add((r.backup().partial() ? "p:" : "c:") + r.backup().name().value());
        }
        CommandResult removed = context.run(node, NodeScripts.script(NodeScripts.REMOVE,
                NodeScripts.concat(List.of(run.root(), BackupMetadata.SCHEMA_MARKER), entries))
                .withTimeout(Duration.ofMinutes(30)));
        List<String> refused = removed.stdout().lines().filter(l -> l.startsWith("refused "))
                .map(l -> l.substring(8)).collect(Collectors.toList());
        long done = removed.stdout().lines().filter(l -> l.startsWith("removed ")).count();
        if (!removed.succeeded() || done + refused.size() < entries.size()) {
            return Outcome.failed("removing old backups under " + run.root() + " on " + node.name() + " failed (exit "
                    + removed.exitCode() + ", " + done + " of " + entries.size() + " removed): "
                    + firstLines(removed.combinedOutput(), 3));
        }
        String message = "removed " + done + ": " + listed + " (" + rules + "); " + kept + notes;
        if (!refused.isEmpty()) {
            return Outcome.warning(message + "; left alone because they no longer carry our metadata: "
                    + String.join(", ", refused));
        }
        return Outcome.changed(message);
    }
}
