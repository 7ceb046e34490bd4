package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupStep.firstLines;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.InterfaceAddresses;
import io.jenkins.plugins.xcatha.xcat.LsxcatdOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The node is an xCAT management node (through xcatd, or with XCATBYPASS where xcatd is stopped), it is the
 * active one unless a standby restore was asked for, and no backup or restore of it is running: the run takes
 * db-backup's lock of the node.
 */
final class RestorePreflightStep extends RestoreStepBase {

    RestorePreflightStep(DbRestoreOptions options) {
        super(DbRestore.PREFLIGHT, "xCAT management node ready for a restore", options);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        RestoreRun run = new RestoreRun(options);
        context.facts().put(RestoreRun.KEY, run);
        Node node = context.primary();
        List<String> said = new ArrayList<>();

        Command lsxcatd = Command.of(NodeScripts.XCAT_BIN + "lsxcatd", "-a");
        CommandResult answer = context.run(node, lsxcatd.withTimeout(Duration.ofMinutes(2)));
        if (LsxcatdOutput.daemonUnreachable(answer.exitCode(), answer.stdout())) {
            run.bypass = true;
            answer = context.run(node, run.xcat(lsxcatd, Duration.ofMinutes(2)));
        }
        if (answer.exitCode() == 127) {
            return Outcome.failed("xCAT is not installed on " + node.name() + ": " + NodeScripts.XCAT_BIN
                    + "lsxcatd not found (exit 127).");
        }
        if (answer.exitCode() != 0) {
            return Outcome.failed("`lsxcatd -a` failed on " + node.name() + " (exit " + answer.exitCode() + "): "
                    + firstLines(answer.combinedOutput(), 3) + ". xcatd must answer, or be stopped (then the restore"
                    + " runs with XCATBYPASS=1); nothing was changed.");
        }
        LsxcatdOutput xcatd = LsxcatdOutput.parse(answer.stdout());
        if (xcatd.version().isEmpty() || xcatd.engine().isEmpty() || !xcatd.managementNode()) {
            return Outcome.failed(node.name() + " is not an xCAT management node: `lsxcatd -a` printed "
                    + firstLines(answer.stdout(), 3));
        }
        run.xcatVersion = xcatd.version().get();
        run.engine = xcatd.engine().get();
        said.add("xCAT " + run.xcatVersion + ", " + run.engine.displayName() + (run.bypass
                ? "; xcatd is stopped: the restore reads and writes the database with XCATBYPASS=1" : ", xcatd answers"));

        CommandResult where = context.run(node, Command.shell(RestoreScripts.WHERE_IS_MASTER)
                .withTimeout(Duration.ofMinutes(1)));
        String master = where.stdout().lines().filter(l -> l.startsWith("master")).findFirst()
                .map(l -> l.substring(6).strip()).orElse("");
        Set<String> addresses = InterfaceAddresses.parse(where.stdout()).external();
        boolean active = master.isEmpty() || addresses.contains(master);
        if (!active && !options.restoreOnStandby()) {
            return Outcome.failed(node.name() + " is not the active management node: site.master " + master
                    + " is not one of its addresses (" + String.join(", ", addresses) + "). It is a standby, and a"
                    + " database restored here would diverge from the one the active node serves from the shared"
                    + " disk. Restore the active node; to give this standby its own copy anyway, set "
                    + options.vocabulary().enabled("restoreOnStandby") + ". Nothing was changed.");
        }
        said.add(master.isEmpty() ? "site.master is not set"
                : active ? "the active management node (carries site.master " + master + ")"
                : "a standby (site.master " + master + " is elsewhere), restored as asked with "
                        + options.vocabulary().enabled("restoreOnStandby"));

        if (!context.checkMode()) {
            run.lockToken = UUID.randomUUID().toString();
            String owner = "owner=db-restore pid " + ProcessHandle.current().pid() + " at " + Instant.now();
            CommandResult lock = context.run(node, NodeScripts.script(NodeScripts.ACQUIRE_LOCK, run.root(),
                            run.lockToken, owner, Long.toString(2L * options.restoreTimeoutSeconds() + 3600),
                            Integer.toString(options.lockWaitSeconds()))
                    .withTimeout(Duration.ofSeconds(options.lockWaitSeconds() + 120L)));
            if (lock.exitCode() == 4) {
                String holder = lock.stdout().lines().filter(l -> l.startsWith("held ")).map(l -> l.substring(5))
                        .findFirst().orElse("unknown owner").strip();
                return Outcome.failed("a db-backup or db-restore of " + node.name() + " is running: " + run.root()
                        + "/" + NodeScripts.LOCK_DIR + " is held (" + holder + "); waited " + options.lockWaitSeconds()
                        + " s. If none runs there, remove that directory.");
            }
            if (lock.exitCode() != 0) {
                return Outcome.failed("cannot lock " + run.root() + " on " + node.name() + " (exit " + lock.exitCode()
                        + "): " + firstLines(lock.combinedOutput(), 3));
            }
            run.lockHeld = true;
            said.add("lock taken");
        }
        return Outcome.ok(String.join("; ", said));
    }
}
