package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Brings the sealed backup into the build as one {@code <name>.tar.gz} (dump directory, manifest, metadata)
 * streamed from {@code tar | gzip -1} on the node straight into a file, never whole in memory, and checked
 * entry by entry against the manifest while it arrives (one pass), before it takes its final name.
 */
final class CollectStep extends BackupStep {

    CollectStep(DbBackupOptions options) {
        super(DbBackup.COLLECT, "backup archive copied into the build", options, DbBackup.CHECKSUM);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (!options.collect()) {
            return Outcome.skipped("not asked for (collect=false)");
        }
        if (context.checkMode()) {
            return Outcome.skipped("check mode: no backup to collect (it would go to " + options.collectDirectory()
                    + ")");
        }
        BackupRun run = BackupRun.of(context);
        Node node = context.primary();
        Path target = options.collectDirectory().resolve(run.name.archiveName());
        Path partial = options.collectDirectory().resolve(run.name.archiveName() + ".part");
        try {
            Files.createDirectories(options.collectDirectory());
            CommandResult copied;
            ArchiveCheck.Result check;
            try (CheckingArchiveSink sink = new CheckingArchiveSink(Files.newOutputStream(partial), run.name.value(),
                    run.manifest)) {
                copied = context.run(node, NodeScripts.script(NodeScripts.ARCHIVE, run.root(), run.name.value())
                        .streamingStdoutTo(sink).withTimeout(Duration.ofSeconds(options.dumpTimeoutSeconds())));
                check = copied.succeeded() ? sink.finish() : null;
            }
            if (!copied.succeeded()) {
                Files.deleteIfExists(partial);
                return Outcome.failed("streaming " + run.finalPath() + " from " + node.name() + " failed (exit "
                        + copied.exitCode() + "): " + firstLines(copied.stderr(), 3));
            }
            if (!check.matches()) {
                Files.deleteIfExists(partial);
                return Outcome.failed("the collected archive does not match the backup's manifest: "
                        + String.join("; ", check.problems()) + ". The backup on " + node.name() + " is unaffected.");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            context.facts().put(DbBackup.COLLECTED_ARCHIVE, target);
            return Outcome.changed("collected " + target + " (" + Files.size(target) + " bytes compressed; "
                    + check.files() + " files, every SHA-256 matches the manifest)");
        } catch (ShellException | InterruptedException e) {
            deleteQuietly(partial);
            throw e;
        } catch (IOException e) {
            deleteQuietly(partial);
            return Outcome.failed("cannot collect the backup into " + options.collectDirectory() + ": " + e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: a leftover .part never looks like a collected archive.
        }
    }
}
