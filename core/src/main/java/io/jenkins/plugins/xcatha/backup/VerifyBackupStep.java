package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupStep.firstLines;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backup is exactly what db-backup sealed, and fits this node: every file's SHA-256 matches the manifest and
 * nothing else is in its directory, it is a CSV backup of the same database engine and of an xCAT no newer than
 * the node's, and its manifest and metadata name the same tables. Any mismatch refuses before anything changes.
 * An archive is checked here first, then unpacked on the node and checked there again.
 */
final class VerifyBackupStep extends RestoreStepBase {

    VerifyBackupStep(DbRestoreOptions options) {
        super(DbRestore.VERIFY_BACKUP, "The backup matches its manifest and fits this node", options,
                DbRestore.PREFLIGHT);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        RestoreRun run = RestoreRun.of(context);
        return options.archive() != null ? fromArchive(context, run) : fromNode(context, run);
    }

    private Outcome fromNode(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        Node node = context.primary();
        RootInventory inventory = RootInventory.read(context, run.root());
        List<StoredBackup> complete = inventory.successfulNewestFirst();
        Optional<StoredBackup> chosen = options.backup().equals(DbRestoreOptions.LATEST)
                ? complete.stream().findFirst()
                : complete.stream().filter(b -> b.name().value().equals(options.backup())).findFirst();
        if (chosen.isEmpty()) {
            String there = complete.isEmpty() ? "none" : String.join(", ",
                    complete.stream().limit(5).map(b -> b.name().value()).toList());
            return Outcome.failed("no complete db-backup backup " + (options.backup().equals(DbRestoreOptions.LATEST)
                    ? "" : "named " + options.backup() + " ") + "under " + run.root() + " on " + node.name()
                    + " (complete backups there: " + there + "). Nothing was changed.");
        }
        BackupName name = chosen.get().name();
        run.backupName = name.value();
        run.backupDirectory = run.root() + "/" + name.value();
        CommandResult manifest = context.run(node, Command.of("cat", "--", run.root() + "/" + name.manifestName())
                .withTimeout(Duration.ofMinutes(1)));
        CommandResult metadata = context.run(node, Command.of("cat", "--", run.root() + "/" + name.metadataName())
                .withTimeout(Duration.ofMinutes(1)));
        try {
            run.manifest = Sha256Manifest.parse(manifest.stdout());
            run.metadata = BackupMetadata.fromJson(metadata.stdout());
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("cannot read the manifest and metadata of " + name + " on " + node.name() + ": "
                    + e.getMessage() + ". Nothing was changed.");
        }
        Optional<String> unfit = unfit(run);
        if (unfit.isPresent()) {
            return Outcome.failed(unfit.get());
        }
        Optional<String> tampered = checkOnNode(context, run);
        if (tampered.isPresent()) {
            return Outcome.failed(tampered.get());
        }
        context.facts().put(DbRestore.RESTORED_BACKUP, run.backupName);
        return Outcome.ok(describe(run) + ": every file matches its manifest, nothing else is in " + run.backupDirectory);
    }

    private Outcome fromArchive(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        Node node = context.primary();
        Path file = options.archive();
        CollectedArchive archive;
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Outcome.failed(options.vocabulary().name("archive") + ": " + file + " is not a file on this"
                        + " machine. Nothing was changed.");
            }
            if (Files.size(file) > DbRestoreOptions.LARGEST_ARCHIVE_BYTES) {
                return Outcome.failed(options.vocabulary().name("archive") + ": " + file + " is larger than "
                        + (DbRestoreOptions.LARGEST_ARCHIVE_BYTES >> 20) + " MB, more than any xCAT database; it is"
                        + " not an archive db-backup collected. Nothing was changed.");
            }
            archive = CollectedArchive.read(file);
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Outcome.failed(options.vocabulary().name("archive") + ": " + file + " cannot be used: "
                    + e.getMessage() + ". Nothing was changed.");
        }
        run.backupName = archive.name();
        run.manifest = archive.manifest();
        run.metadata = archive.metadata();
        Optional<String> unfit = unfit(run);
        if (unfit.isPresent()) {
            return Outcome.failed(unfit.get());
        }
        context.facts().put(DbRestore.RESTORED_BACKUP, run.backupName);
        if (context.checkMode()) {
            run.backupContent = new java.util.LinkedHashMap<>();
            archive.files().forEach((f, text) -> run.backupContent.put(f.substring(0, f.length() - 4), text));
            return Outcome.ok(describe(run) + ", from " + file + ": every file matches its manifest here; it would"
                    + " be sent to " + node.name() + " and checked there again");
        }
        CommandResult unpacked = context.run(node, NodeScripts.script(RestoreScripts.UNPACK, run.root(), run.backupName)
                .withStdin(bytes).withTimeout(Duration.ofMinutes(10)));
        String directory = unpacked.stdout().lines().findFirst().orElse("").strip();
        if (directory.startsWith(run.root() + "/" + RestoreScripts.INCOMING_PREFIX)) {
            run.madeDirectories.add(directory);
        }
        if (!unpacked.succeeded()) {
            return Outcome.failed("could not unpack " + file.getFileName() + " on " + node.name() + " (exit "
                    + unpacked.exitCode() + "): " + firstLines(unpacked.stderr(), 3) + ". Nothing was changed.");
        }
        run.backupDirectory = directory + "/" + run.backupName;
        Optional<String> tampered = checkOnNode(context, run);
        if (tampered.isPresent()) {
            return Outcome.failed(tampered.get());
        }
        return Outcome.ok(describe(run) + ", from " + file + ": every file matches its manifest here and again on "
                + node.name() + " after the transfer");
    }

    /** Hashes every file of the backup's directory on the node and compares them with the manifest. */
    private Optional<String> checkOnNode(StepContext context, RestoreRun run) throws ShellException, InterruptedException {
        CommandResult hashed = context.run(context.primary(), NodeScripts.script(NodeScripts.HASH_FILES,
                run.backupDirectory).withTimeout(Duration.ofMinutes(10)));
        Map<String, String> found;
        try {
            found = Sha256Manifest.parse(hashed.stdout()).digests();
        } catch (IllegalArgumentException e) {
            return Optional.of("cannot hash the files of " + run.backupDirectory + " on " + context.primary().name()
                    + ": " + e.getMessage() + ". Nothing was changed.");
        }
        if (!hashed.succeeded()) {
            return Optional.of("cannot hash the files of " + run.backupDirectory + " on " + context.primary().name()
                    + " (exit " + hashed.exitCode() + "): " + firstLines(hashed.stderr(), 2) + ". Nothing was changed.");
        }
        Map<String, String> want = run.manifest.digests();
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>(want.keySet());
        missing.removeAll(found.keySet());
        Set<String> stray = new TreeSet<>(found.keySet());
        stray.removeAll(want.keySet());
        List<String> differing = want.keySet().stream()
                .filter(f -> found.containsKey(f) && !found.get(f).equals(want.get(f))).toList();
        if (!differing.isEmpty()) {
            problems.add("SHA-256 differs from the manifest: " + String.join(", ", differing));
        }
        if (!missing.isEmpty()) {
            problems.add("missing: " + String.join(", ", missing));
        }
        if (!stray.isEmpty()) {
            problems.add("not in the manifest: " + String.join(", ", stray)
                    + " (restorexCATdb would replay every file of the directory)");
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("backup " + run.backupName + " on " + context.primary().name() + " is no longer as"
                + " db-backup sealed it: " + String.join("; ", problems) + ". It is not restored; nothing was changed.");
    }

    /** Why this backup cannot be restored onto this node, if it cannot. */
    private static Optional<String> unfit(RestoreRun run) {
        BackupMetadata m = run.metadata;
        if (!run.backupName.equals(m.name())) {
            return Optional.of("the metadata of " + run.backupName + " names another backup (" + m.name() + ")");
        }
        if (m.nativeBackup()) {
            return Optional.of(run.backupName + " is a native " + m.dbEngine() + " backup (dumpxCATdb -b): restore it"
                    + " by hand with `restorexCATdb -b`. Nothing was changed.");
        }
        if (!m.dbEngine().equals(run.engine.displayName())) {
            return Optional.of(run.backupName + " is a backup of a " + m.dbEngine() + " database and this node runs "
                    + run.engine.displayName() + ": moving xCAT's database to another engine is a migration"
                    + " (xCAT's own procedure), not a restore. Nothing was changed.");
        }
        if (compareVersions(m.xcatVersion(), run.xcatVersion) > 0) {
            return Optional.of(run.backupName + " was taken by xCAT " + m.xcatVersion() + ", newer than this node's "
                    + run.xcatVersion + ": its tables may have columns this xCAT does not know. Upgrade xCAT first."
                    + " Nothing was changed.");
        }
        Set<String> manifestTables = new TreeSet<>();
        for (String file : run.manifest.digests().keySet()) {
            if (!file.endsWith(".csv")) {
                return Optional.of("the manifest of " + run.backupName + " lists " + file + ", which is not a table"
                        + " file. Nothing was changed.");
            }
            manifestTables.add(file.substring(0, file.length() - 4));
        }
        if (!manifestTables.equals(new TreeSet<>(m.rows().keySet()))) {
            Set<String> onlyManifest = new TreeSet<>(manifestTables);
            onlyManifest.removeAll(m.rows().keySet());
            Set<String> onlyMetadata = new TreeSet<>(m.rows().keySet());
            onlyMetadata.removeAll(manifestTables);
            return Optional.of("the table set of " + run.backupName + " is incomplete: the manifest and the metadata"
                    + " disagree (only in the manifest: " + onlyManifest + ", only in the metadata: " + onlyMetadata
                    + "). Nothing was changed.");
        }
        run.tables = List.copyOf(manifestTables);
        return Optional.empty();
    }

    private static String describe(RestoreRun run) {
        int rows = run.metadata.rows().values().stream().mapToInt(Integer::intValue).sum();
        return "backup " + run.backupName + " (" + run.tables.size() + " tables, " + rows + " rows, "
                + run.metadata.dbEngine() + ", xCAT " + run.metadata.xcatVersion() + ", taken on "
                + run.metadata.host() + ")";
    }

    /** Compares dotted versions numerically, as far as both have numbers. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[^0-9]+");
        String[] y = b.split("[^0-9]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i].isEmpty() || y[i].isEmpty()) {
                continue;
            }
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
