package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seals a verified dump: the SHA-256 of every file into {@code <root>/<name>.sha256}, the metadata into
 * {@code <root>/<name>.json}, both BESIDE the dump directory (restorexCATdb replays every file inside it:
 * a manifest in there would be restored as a table, xcat-observed 2.6), then the renames that make the
 * backup complete, metadata last.
 */
final class ChecksumStep extends BackupStep {

    ChecksumStep(DbBackupOptions options) {
        super(DbBackup.CHECKSUM, "SHA-256 manifest written, backup sealed", options, DbBackup.VERIFY);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (context.checkMode()) {
            return Outcome.skipped("check mode: nothing was dumped");
        }
        BackupRun run = BackupRun.of(context);
        Node node = context.primary();
        CommandResult hashed = context.run(node, NodeScripts.script(NodeScripts.HASH_FILES, run.partialPath())
                .withTimeout(Duration.ofMinutes(30)));
        if (!hashed.succeeded()) {
            return Outcome.failed("hashing the dump in " + run.partialPath() + " failed (exit " + hashed.exitCode()
                    + "): " + firstLines(hashed.combinedOutput(), 3));
        }
        Sha256Manifest manifest;
        try {
            manifest = Sha256Manifest.parse(hashed.stdout());
        } catch (IllegalArgumentException e) {
            return Outcome.failed("unreadable SHA-256 output from " + node.name() + ": " + e.getMessage());
        }
        Set<String> verified = new TreeSet<>(run.listing.fileSizes().keySet());
        if (!verified.equals(manifest.digests().keySet())) {
            return Outcome.failed("the files hashed (" + manifest.size() + ") differ from the files verified ("
                    + verified.size() + ") in " + run.partialPath() + ": something else writes there");
        }
        run.manifest = manifest;
        BackupMetadata metadata = new BackupMetadata(BackupMetadata.SCHEMA, run.name.value(),
                run.name.createdAt().toString(), node.name(), run.xcatVersion, run.engine.displayName(),
                options.allTables(), options.nativeBackup(), options.useBypass(), manifest.size(),
                run.listing.totalBytes(), run.verdict.rows());
        // One JSON line (Jackson escapes newlines inside values), then the manifest.
        byte[] json = metadata.toJson();
        byte[] sums = manifest.bytes();
        byte[] stdin = new byte[json.length + sums.length];
        System.arraycopy(json, 0, stdin, 0, json.length);
        System.arraycopy(sums, 0, stdin, json.length, sums.length);
        CommandResult sealed = context.run(node, NodeScripts.script(NodeScripts.SEAL, run.root(), run.name.value())
                .withStdin(stdin).withTimeout(Duration.ofMinutes(2)));
        if (!sealed.succeeded() || !sealed.stdout().contains("sealed")) {
            return Outcome.failed("cannot write the manifest and metadata beside " + run.partialPath()
                    + " and give the backup its final name " + run.finalPath() + " (exit " + sealed.exitCode() + "): "
                    + firstLines(sealed.combinedOutput(), 3));
        }
        run.committed = true;
        run.partialExists = false;
        context.facts().put(DbBackup.BACKUP_PATH, run.finalPath());
        return Outcome.changed("backup complete: " + run.finalPath() + " (" + manifest.size() + " files, "
                + megabytes((run.listing.totalBytes() + 1023) / 1024) + "); manifest " + run.finalPath() + ".sha256, metadata "
                + run.finalPath() + ".json");
    }
}
