package io.jenkins.plugins.xcatha.backup;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code dumpxCATdb -V -p <root>/.partial-<name> [-a] [-b]} into a fresh, empty directory reserved for this
 * run (restorexCATdb replays every file of a directory, so a dump never goes into a used one). The
 * directory keeps its {@code .partial-} name until checksum has verified and sealed it.
 */
final class DumpStep extends BackupStep {

    DumpStep(DbBackupOptions options) {
        super(DbBackup.DUMP, "dumpxCATdb into a fresh directory", options, DbBackup.PREFLIGHT);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        BackupRun run = BackupRun.of(context);
        Node node = context.primary();
        String flags = flags();
        if (context.checkMode()) {
            return Outcome.changed("would dump the " + run.engine.displayName() + " database with `dumpxCATdb"
                    + flags + " -p " + run.root() + "/xcatdb-<UTC time>` (written as .partial-xcatdb-..., renamed"
                    + " once verified)");
        }
        CommandResult reserved = context.run(node, NodeScripts.script(NodeScripts.RESERVE_NAME, run.root())
                .withTimeout(Duration.ofMinutes(1)));
        String reservedName = reserved.stdout().strip();
        if (!reserved.succeeded() || BackupName.parse(reservedName).isEmpty()) {
            return Outcome.failed("cannot create a dump directory under " + run.root() + " on " + node.name()
                    + " (exit " + reserved.exitCode() + "): " + firstLines(reserved.combinedOutput(), 3));
        }
        run.name = BackupName.parse(reservedName).orElseThrow();
        run.partialExists = true;
        context.facts().put(DbBackup.BACKUP_NAME, run.name.value());

        AtomicInteger dumped = new AtomicInteger();
        OutputLineListener listener = (stream, line) -> {
            if (stream == OutputLineListener.Stream.STDERR) {
                run.dumpErrors.accept(line);
            } else if (line.startsWith("Dumping ")) {
                dumped.incrementAndGet();
            }
            if (!line.isBlank()) {
                context.progress().output(node.name(), line);
            }
        };
        Command dump = Command.of(argv(run.partialPath())).withLineListener(listener)
                .withTimeout(Duration.ofSeconds(options.dumpTimeoutSeconds()));
        if (options.useBypass()) {
            dump = dump.withEnvironment("XCATBYPASS", "1");
        }
        CommandResult result;
        try {
            result = context.run(node, dump);
        } catch (ShellException e) {
            if (e.phase() == ShellException.Phase.TIMEOUT) {
                return Outcome.failed("dumpxCATdb did not finish within "
                        + options.vocabulary().given("dumpTimeoutSeconds", "" + options.dumpTimeoutSeconds()) + " on "
                        + node.name() + " (" + dumped.get() + " table(s) dumped so far); the half dump is removed."
                        + " Raise " + options.vocabulary().name("dumpTimeoutSeconds")
                        + (options.useBypass() ? " (an XCATBYPASS dump is about 8 times slower)." : "."));
            }
            throw e;
        }
        if (!result.succeeded()) {
            // dumpxCATdb creates the directory before it fails (xcat-observed D6): do not leave it behind.
            removePartial(context, run);
            String why = firstLines(result.stderr().isBlank() ? result.stdout() : result.stderr(), 4);
            String hint = result.combinedOutput().contains("Unable to open socket connection")
                    ? " xcatd stopped answering: start it, or set " + options.vocabulary().enabled("useBypass") + "."
                    : "";
            return Outcome.failed("dumpxCATdb" + flags + " failed on " + node.name() + " (exit " + result.exitCode()
                    + "): " + why + "." + hint);
        }
        if (options.nativeBackup() && result.stdout().contains("Backup Failed")) {
            removePartial(context, run);
            return Outcome.failed("dumpxCATdb -b reported 'Backup Failed.' on " + node.name() + ": "
                    + firstLines(result.combinedOutput(), 4));
        }
        String count = options.nativeBackup() ? "a native " + run.engine.displayName() + " backup"
                : dumped.get() + " table(s)";
        return Outcome.changed("dumped " + count + " into " + run.partialPath() + " (not yet verified)");
    }

    private List<String> argv(String directory) {
        List<String> argv = new ArrayList<>(List.of(NodeScripts.XCAT_SBIN + "dumpxCATdb", "-V"));
        if (options.allTables()) {
            argv.add("-a");
        }
        if (options.nativeBackup()) {
            argv.add("-b");
        }
        argv.add("-p");
        argv.add(directory);
        return argv;
    }

    private String flags() {
        return (options.allTables() ? " -a" : "") + (options.nativeBackup() ? " -b" : "");
    }

    static void removePartial(StepContext context, BackupRun run) throws ShellException, InterruptedException {
        String partial = run.partialPath();
        CommandResult r = context.run(context.primary(), Command.of("rm", "-rf", "--", partial, partial + ".sha256",
                partial + ".json").withTimeout(Duration.ofMinutes(5)));
        if (r.succeeded()) {
            run.partialExists = false;
        }
    }
}
