package io.jenkins.plugins.xcatha.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ProcessShell;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A database password read from cfgloc reaches a step's commands, output and message; the writers get the
 * report the runner built, and none of the three files may hold the password.
 */
public class SecretsNeverReachArtifactsTest {
    private static final String PASSWORD = "s3cr3t-Pa55";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void databasePasswordSeenByAStepIsInNoArtifact() throws Exception {
        Redactor redactor = new Redactor();
        redactor.add(PASSWORD);
        RemoteShell shell = new ProcessShell("mn1");
        ProcedureStep readsCfgloc = new AbstractStep("database-engine", "Same database engine", HostScope.PRIMARY) {
            @Override
            public Outcome run(StepContext context) throws ShellException, InterruptedException {
                CommandResult cfgloc = context.runConfidential(context.primary(),
                        Command.of("printf", "mysql:dbname=xcatdb;host=mn1|xcatadmin|%s\\n", PASSWORD));
                context.run(context.primary(),
                        Command.shell("echo \"connecting with $1\"; echo \"denied for $1\" >&2; exit 1", PASSWORD));
                return Outcome.failed("login refused with " + cfgloc.stdout().strip());
            }
        };
        ProcedureReport report = new ProcedureRunner().run(new Procedure("db-backup", List.of(readsCfgloc)),
                Cluster.single(new Node(Node.Role.PRIMARY, "mn1", shell)), Mode.APPLY, ProgressListener.NONE,
                new Facts(), redactor);

        ArtifactWriter.Written written = new ArtifactWriter().write(tmp.getRoot().toPath(), report);

        assertThat(report.result(), is(Result.FAILURE));
        for (Path file : written.files()) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(file.toString(), content, not(containsString(PASSWORD)));
            assertThat(file.toString(), content, containsString("****"));
        }
        assertThat(Files.readString(written.reportJson()), containsString("denied for ****"));
    }
}
