package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.LsxcatdOutput;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The node is an xCAT management node whose database can be dumped now: xcatd answers (or the bypass was
 * asked for), the engine supports what was asked, no other backup is running (the lock is taken here and
 * released by the procedure's finaliser), and the backup root has room for a dump.
 */
final class PreflightStep extends BackupStep {
    /** The previous backup's size times this is the space a new dump is expected to need. */
    private static final double GROWTH_MARGIN = 1.5;

    PreflightStep(DbBackupOptions options) {
        super(DbBackup.PREFLIGHT, "xCAT management node ready for a database backup", options);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        BackupRun run = new BackupRun(options);
        context.facts().put(BackupRun.KEY, run);
        Node node = context.primary();
        List<String> said = new ArrayList<>();

        Command lsxcatd = Command.of(NodeScripts.XCAT_BIN + "lsxcatd", "-a").withTimeout(Duration.ofMinutes(3));
        if (options.useBypass()) {
            lsxcatd = lsxcatd.withEnvironment("XCATBYPASS", "1");
        }
        CommandResult answer = context.run(node, lsxcatd);
        Outcome refusal = refusal(node, answer);
        if (refusal != null) {
            return refusal;
        }
        LsxcatdOutput xcatd = LsxcatdOutput.parse(answer.stdout());
        if (xcatd.version().isEmpty() || xcatd.engine().isEmpty()) {
            return Outcome.failed(node.name() + ": `lsxcatd -a` gave no Version or dbengine= line: "
                    + firstLines(answer.combinedOutput(), 4));
        }
        if (!xcatd.managementNode()) {
            return Outcome.failed(node.name() + " is not an xCAT management node: `lsxcatd -a` does not say"
                    + " 'This is a Management Node' (no /etc/xCATMN). Point the backup at the management node.");
        }
        run.xcatVersion = xcatd.version().get();
        run.engine = xcatd.engine().get();
        if (options.nativeBackup() && run.engine != DatabaseEngine.POSTGRESQL && run.engine != DatabaseEngine.DB2) {
            return Outcome.failed(options.vocabulary().name("nativeBackup") + " (dumpxCATdb -b) is not supported for "
                    + run.engine.displayName() + " on " + node.name() + ": only PostgreSQL and DB2 have a native"
                    + " backup. Use the CSV dump (leave " + options.vocabulary().name("nativeBackup") + " out).");
        }
        said.add("xCAT " + run.xcatVersion + ", " + run.engine.displayName()
                + (options.useBypass() ? " (read with XCATBYPASS)" : ", xcatd answers"));
        if (options.useBypass()) {
            String warning = options.vocabulary().name("useBypass") + ": the dump reads the database files directly"
                    + " (XCATBYPASS=1), about 8 times"
                    + " slower than through xcatd, and lsxcatd is then no proof that xcatd runs";
            context.progress().message(warning);
            said.add(warning);
        }

        boolean rootCreated = false;
        if (!context.checkMode()) {
            Optional<Outcome> lockFailure = takeLock(context, run, said);
            if (lockFailure.isPresent()) {
                return lockFailure.get();
            }
            rootCreated = said.contains("created " + run.root());
        }

        RootInventory inventory = RootInventory.read(context, run.root());
        run.nodeNow = inventory.now();
        run.stored = inventory.stored();
        if (inventory.rootState().equals("notdir")) {
            return Outcome.failed(options.vocabulary().name("backupRoot") + " " + run.root() + " on " + node.name()
                    + " exists but is not a directory. Choose another " + options.vocabulary().name("backupRoot") + ".");
        }
        boolean wouldCreate = context.checkMode() && inventory.rootState().equals("absent");

        Optional<StoredBackup> newest = inventory.newestSuccessful();
        long neededKb = Math.max((long) options.minFreeMegabytes() * 1024,
                newest.map(b -> (long) (b.sizeKb() * GROWTH_MARGIN)).orElse(0L));
        if (inventory.availableKb() >= 0 && inventory.availableKb() < neededKb) {
            return Outcome.failed("not enough free space for a dump under " + run.root() + " on " + node.name()
                    + ": " + megabytes(inventory.availableKb()) + " free (df -Pk), about " + megabytes(neededKb)
                    + " needed (" + newest.map(b -> "1.5 x the size of " + b.name() + ", ").orElse("")
                    + "at least " + options.minFreeMegabytes() + " MB). Free space there or choose"
                    + " another " + options.vocabulary().name("backupRoot") + ".");
        }
        run.previous = previousCsvBackup(context, run, inventory).orElse(null);
        said.add("backup root " + run.root() + (wouldCreate ? " (would be created)" : "")
                + ": " + inventory.successfulCount() + " backup(s), " + megabytes(Math.max(0, inventory.availableKb()))
                + " free, about " + megabytes(neededKb) + " needed");
        if (run.lockHeld) {
            said.add("lock taken");
        }
        String message = String.join("; ", said);
        return rootCreated || wouldCreate ? Outcome.changed(message) : Outcome.ok(message);
    }

    /** Why the node cannot be backed up according to lsxcatd's exit, or null when it answered. */
    private Outcome refusal(Node node, CommandResult answer) {
        if (answer.exitCode() == 0) {
            return null;
        }
        if (LsxcatdOutput.daemonUnreachable(answer.exitCode(), answer.stdout())) {
            return Outcome.failed("xcatd does not answer on " + node.name() + " (`lsxcatd -a` exit "
                    + answer.exitCode() + ": " + firstLines(answer.stdout(), 1) + "). Start xcatd (e.g. `systemctl"
                    + " start xcatd` or `restartxcatd`), or set " + options.vocabulary().enabled("useBypass")
                    + " to dump the database files directly"
                    + " (XCATBYPASS=1, about 8 times slower).");
        }
        if (answer.exitCode() == 127) {
            return Outcome.failed("xCAT is not installed on " + node.name() + ": " + NodeScripts.XCAT_BIN
                    + "lsxcatd not found (exit 127).");
        }
        if (answer.combinedOutput().contains(DENIED)) {
            return Outcome.failed("xcatd on " + node.name() + " denies every request (`lsxcatd -a` exit "
                    + answer.exitCode() + ": " + DENIED + "). xcatd does this when it cannot open a table file (a"
                    + " damaged or unreadable /etc/xcat/<table>.sqlite, or its database server's files): check the"
                    + " table files and xcatd's log, then restart xcatd. A backup with "
                    + options.vocabulary().enabled("useBypass") + " reads the files itself and names the table that"
                    + " cannot be dumped.");
        }
        return Outcome.failed("`lsxcatd -a` failed on " + node.name() + " (exit " + answer.exitCode() + "): "
                + firstLines(answer.combinedOutput(), 4));
    }

    /** What xcatd answers every client with when a table file cannot be opened (xcat-observed 2.4d). */
    private static final String DENIED = "Error: Permission denied for request";

    private Optional<Outcome> takeLock(StepContext context, BackupRun run, List<String> said)
            throws ShellException, InterruptedException {
        if (options.heldLockToken() != null) {
            // the caller holds the node's lock and releases it; this backup runs under it
            run.lockToken = options.heldLockToken();
            return Optional.empty();
        }
        run.lockToken = UUID.randomUUID().toString();
        long staleSeconds = 2L * options.dumpTimeoutSeconds() + 600;
        String owner = "owner=db-backup from " + controllerName() + " pid " + ProcessHandle.current().pid()
                + " at " + Instant.now();
        CommandResult r = context.run(context.primary(), NodeScripts.script(NodeScripts.ACQUIRE_LOCK, run.root(),
                        run.lockToken, owner, Long.toString(staleSeconds), Integer.toString(options.lockWaitSeconds()))
                .withTimeout(Duration.ofSeconds(options.lockWaitSeconds() + 120L)));
        for (String line : r.stdout().split("\n")) {
            if (line.equals("created")) {
                said.add("created " + run.root());
            } else if (line.startsWith("stale ")) {
                String warning = "broke a stale lock " + run.root() + "/" + NodeScripts.LOCK_DIR + " older than "
                        + staleSeconds + " s (" + line.substring(6).strip() + ")";
                context.progress().message(warning);
                said.add(warning);
            } else if (line.startsWith("acquired ") && !line.equals("acquired 0")) {
                said.add("waited " + line.substring(9) + " s for another backup to finish");
            }
        }
        if (r.exitCode() == 0) {
            run.lockHeld = true;
            return Optional.empty();
        }
        if (r.exitCode() == 4) {
            String holder = r.stdout().lines().filter(l -> l.startsWith("held ")).map(l -> l.substring(5).strip())
                    .findFirst().orElse("unknown owner");
            return Optional.of(Outcome.failed("another db-backup is running on " + context.primary().name()
                    + ": " + run.root() + "/" + NodeScripts.LOCK_DIR + " is held (" + holder + "); waited "
                    + options.lockWaitSeconds() + " s. If no backup runs there, remove that"
                    + " directory."));
        }
        return Optional.of(Outcome.failed("cannot create or lock " + options.vocabulary().name("backupRoot") + " "
                + run.root() + " on "
                + context.primary().name() + " (exit " + r.exitCode() + "): " + firstLines(r.combinedOutput(), 3)));
    }

    /** The newest successful CSV backup, whose row counts the new dump is compared with (a native one has none). */
    private static Optional<BackupMetadata> previousCsvBackup(StepContext context, BackupRun run, RootInventory inventory)
            throws ShellException, InterruptedException {
        List<StoredBackup> candidates = new ArrayList<>(inventory.successfulNewestFirst());
        for (StoredBackup candidate : candidates.subList(0, Math.min(3, candidates.size()))) {
            Optional<BackupMetadata> metadata = readMetadata(context, run, candidate.name());
            if (metadata.isPresent() && !metadata.get().nativeBackup()) {
                return metadata;
            }
        }
        return Optional.empty();
    }

    private static Optional<BackupMetadata> readMetadata(StepContext context, BackupRun run, BackupName name)
            throws ShellException, InterruptedException {
        CommandResult r = context.run(context.primary(), Command.of("cat", "--", run.root() + "/" + name.metadataName())
                .withTimeout(Duration.ofMinutes(1)));
        if (!r.succeeded()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupMetadata.fromJson(r.stdout()));
        } catch (IOException e) {
            context.progress().message("cannot read the metadata of " + name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String controllerName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
