package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupStep.firstLines;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Only the manifest's table files, copied into a fresh staging directory and checked again there: restorexCATdb
 * replays every file of the directory it is given, so nothing else can be there to replay.
 */
final class StageStep extends RestoreStepBase {

    StageStep(DbRestoreOptions options) {
        super(DbRestore.STAGE, "Only the backup's table files in a fresh staging directory", options,
                DbRestore.SAFETY_BACKUP, DbRestore.VERIFY_BACKUP);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        RestoreRun run = RestoreRun.of(context);
        List<String> files = new ArrayList<>(run.manifest.digests().keySet());
        if (context.checkMode()) {
            return Outcome.changed("would copy the " + files.size() + " table files of the manifest, and nothing"
                    + " else, into a fresh staging directory under " + run.root());
        }
        List<String> args = new ArrayList<>(List.of(run.root(), run.backupDirectory));
        args.addAll(files);
        CommandResult staged = context.run(context.primary(), NodeScripts.script(RestoreScripts.STAGE, args)
                .withTimeout(Duration.ofMinutes(10)));
        String directory = staged.stdout().lines().findFirst().orElse("").strip();
        if (directory.startsWith(run.root() + "/" + RestoreScripts.STAGING_PREFIX)) {
            run.madeDirectories.add(directory);
            run.stagingDirectory = directory;
        }
        if (!staged.succeeded() || run.stagingDirectory == null) {
            return Outcome.failed("could not copy the backup into a staging directory under " + run.root() + " on "
                    + context.primary().name() + " (exit " + staged.exitCode() + "): " + firstLines(staged.stderr(), 3)
                    + ". Nothing was restored.");
        }
        CommandResult hashed = context.run(context.primary(), NodeScripts.script(NodeScripts.HASH_FILES,
                run.stagingDirectory).withTimeout(Duration.ofMinutes(10)));
        Sha256Manifest copy;
        try {
            copy = Sha256Manifest.parse(hashed.stdout());
        } catch (IllegalArgumentException e) {
            return Outcome.failed("cannot hash the staged files in " + run.stagingDirectory + ": " + e.getMessage()
                    + ". Nothing was restored.");
        }
        if (!hashed.succeeded() || !copy.equals(run.manifest)) {
            return Outcome.failed("the staged copy in " + run.stagingDirectory + " does not match the manifest of "
                    + run.backupName + " (a full disk?): " + firstLines(hashed.combinedOutput(), 2)
                    + ". Nothing was restored.");
        }
        return Outcome.changed("copied the " + files.size() + " table files of the manifest, and nothing else, into "
                + run.stagingDirectory + "; every SHA-256 matches");
    }
}
