package io.jenkins.plugins.xcatha.standby;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.exec.RemoteFiles;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.local.LocalShell;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.CommandRecord;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A file a step puts through {@link NodeCommands#files} shows up in the step's report, command by command. */
public class FilesPutByAStepAreReportedTest {
    private static final String CONTENT = "server ntp-only-on-stdin.example iburst\n";

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private final LocalShell shell = new LocalShell();

    @After
    public void closeShell() {
        shell.close();
    }

    @Test
    public void everyCommandOfAPutIsRecordedAndASecondRunOnlyReads() throws Exception {
        Path conf = tmp.getRoot().toPath().resolve("chrony.conf");
        Files.writeString(conf, "driftfile /var/lib/chrony/drift\n");

        StepResult first = runPut(conf);

        assertThat(first.message(), first.status(), is(Status.CHANGED));
        List<CommandRecord> commands = first.commands();
        assertThat(commands, hasSize(4)); // the step's read, the put's read, its write, its read back
        assertThat(writes(first), hasSize(1));
        assertThat(writes(first).get(0), containsString(conf.toString()));
        assertThat(commands.stream().map(CommandRecord::exitCode).collect(Collectors.toList()), everyItem(is(0)));
        assertThat(commands.stream().map(CommandRecord::command).collect(Collectors.toList()),
                everyItem(not(containsString("ntp-only-on-stdin"))));
        assertThat(Files.readString(conf), is("driftfile /var/lib/chrony/drift\n" + CONTENT));

        StepResult second = runPut(conf);

        assertThat(second.message(), second.status(), is(Status.OK));
        assertThat(second.commands(), hasSize(2)); // the step's read, the put's read
        assertThat(writes(second), hasSize(0));
    }

    private static List<String> writes(StepResult step) {
        return step.commands().stream().map(CommandRecord::command).filter(c -> c.contains(RemoteFiles.BACKUP_SUFFIX))
                .collect(Collectors.toList());
    }

    private StepResult runPut(Path conf) {
        AbstractStep put = new AbstractStep("put", "Put a file", HostScope.PRIMARY) {
            @Override
            public Outcome run(StepContext context) throws ShellException, InterruptedException {
                RemoteFiles files = NodeCommands.files(context, context.primary());
                String old = files.readText(conf.toString()).orElse("");
                boolean changed = files.putFile(conf.toString(),
                        (old.contains(CONTENT) ? old : old + CONTENT).getBytes(StandardCharsets.UTF_8), "644");
                return changed ? Outcome.changed("updated") : Outcome.ok("already there");
            }
        };
        ProcedureReport report = new ProcedureRunner().run(new Procedure("files", List.of(put)),
                Cluster.single(new Node(Node.Role.PRIMARY, "mn1", shell)), Mode.APPLY, ProgressListener.NONE);
        return report.step("put").orElseThrow();
    }
}
