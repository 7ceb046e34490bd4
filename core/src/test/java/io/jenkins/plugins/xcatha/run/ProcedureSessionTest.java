package io.jenkins.plugins.xcatha.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ProcessShell;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ProcedureSessionTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** preflight runs `hostname` on every node; check needs preflight. */
    private static Procedure twoSteps() {
        ProcedureStep preflight = step("preflight", Set.of(), ctx -> {
            StringBuilder names = new StringBuilder();
            for (Node n : ctx.cluster().nodes()) {
                CommandResult r = ctx.run(n, Command.of("echo", n.name()));
                names.append(r.stdout().strip()).append(' ');
            }
            return Outcome.ok("reached " + names.toString().strip());
        });
        ProcedureStep check = step("check", Set.of("preflight"), ctx -> Outcome.changed("would change"));
        return new Procedure("standby-prepare", List.of(preflight, check));
    }

    @Test
    public void runsOnBothNodesWritesArtifactsAndClosesTheShells() throws Exception {
        ProcessShell primary = new ProcessShell("mn1");
        ProcessShell standby = new ProcessShell("mn2");

        ProcedureSession.Finished done = ProcedureSession.of(twoSteps())
                .node(Node.Role.PRIMARY, "mn1", () -> primary)
                .node(Node.Role.STANDBY, "mn2", () -> standby)
                .mode(Mode.CHECK).artifactsUnder(tmp.getRoot().toPath()).run();

        ProcedureReport report = done.report();
        assertThat(report.step("preflight").get().message(), is("reached mn1 mn2"));
        assertThat(report.hosts().values(), contains("mn1", "mn2"));
        assertThat(report.mode(), is(Mode.CHECK));
        assertThat(done.artifacts().directory(), is(tmp.getRoot().toPath().resolve("xcat-ha/standby-prepare")));
        assertThat(Files.readString(done.artifacts().reportJson()), containsString("\"mode\" : \"check\""));
        assertThat(primary.closed() + standby.closed(), is(2));
    }

    @Test
    public void whatTheStepsLearnIsReadableAfterTheRun() throws Exception {
        Facts.Key<String> learned = Facts.Key.of("echoed", String.class);
        ProcedureStep learns = step("preflight", Set.of(), ctx -> {
            ctx.facts().put(learned, ctx.run(ctx.primary(), Command.of("echo", "from mn1")).stdout().strip());
            return Outcome.ok("learned");
        });
        Facts facts = new Facts();

        ProcedureSession.of(new Procedure("db-backup", List.of(learns)))
                .node(Node.Role.PRIMARY, "mn1", () -> new ProcessShell("mn1"))
                .facts(facts).run();

        assertThat(facts.get(learned).orElse(null), is("from mn1"));
    }

    @Test
    public void unreachableNodeFailsPreflightWithTheConnectionErrorAndStillWritesTheReport() throws Exception {
        ProcessShell primary = new ProcessShell("mn1");

        ProcedureSession.Finished done = ProcedureSession.of(twoSteps())
                .node(Node.Role.PRIMARY, "mn1", () -> primary)
                .node(Node.Role.STANDBY, "mn2", () -> {
                    throw new ShellException("root@mn2:22", ShellException.Phase.CONNECT, "Connection refused");
                })
                .artifactsUnder(tmp.getRoot().toPath()).run();

        ProcedureReport report = done.report();
        assertThat(report.result(), is(Result.FAILURE));
        assertThat(report.step("preflight").get().status(), is(Status.FAILED));
        assertThat(report.step("preflight").get().message(), is("root@mn2:22: connect failed: Connection refused"));
        assertThat(report.step("check").get().status(), is(Status.SKIPPED));
        assertThat(Files.readString(done.artifacts().summaryTxt()), containsString("Connection refused"));
        assertThat(primary.closed(), is(1));
    }

    @Test
    public void nodesAreConnectedInParallel() throws Exception {
        CountDownLatch bothConnecting = new CountDownLatch(2);
        ShellOpener waitsForTheOther = () -> {
            bothConnecting.countDown();
            bothConnecting.await();
            return new ProcessShell("n");
        };

        ProcedureReport report = ProcedureSession.of(twoSteps())
                .node(Node.Role.PRIMARY, "mn1", waitsForTheOther)
                .node(Node.Role.STANDBY, "mn2", waitsForTheOther)
                .run().report();

        assertThat(report.result(), is(Result.SUCCESS));
    }

    @Test
    public void abortWhileConnectingSkipsEveryStepWritesTheReportAndKeepsTheInterrupt() throws Exception {
        Thread.currentThread().interrupt();
        try {
            ProcedureSession.Finished done = ProcedureSession.of(twoSteps())
                    .node(Node.Role.PRIMARY, "mn1", () -> new ProcessShell("mn1"))
                    .artifactsUnder(tmp.getRoot().toPath()).run();

            assertThat(done.report().aborted(), is(true));
            assertThat(done.report().step("preflight").get().status(), is(Status.SKIPPED));
            assertThat(Files.exists(done.artifacts().junitXml()), is(true));
            assertThat(Thread.currentThread().isInterrupted(), is(true));
        } finally {
            Thread.interrupted();
        }
    }

    @Test(timeout = 30_000)
    public void aCleanupThatOverrunsTheGraceIsEndedByClosingTheShells() throws Exception {
        BlockingShell node = new BlockingShell();
        AtomicReference<String> cleanupEnded = new AtomicReference<>();
        ProcedureStep dump = step("dump", Set.of(), ctx -> {
            ctx.run(ctx.primary(), Command.of("dumpxCATdb"));
            return Outcome.changed("dumped");
        });
        Procedure procedure = new Procedure("db-backup", List.of(dump)).withFinaliser((ctx, results) -> {
            try {
                ctx.run(ctx.primary(), Command.of("release-lock"));
            } catch (ShellException | InterruptedException e) {
                cleanupEnded.set(e.toString());
            }
        });
        AtomicReference<ProcedureReport> report = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                report.set(ProcedureSession.of(procedure).node(Node.Role.PRIMARY, "mn1", () -> node)
                        .cleanupGrace(Duration.ofMillis(300)).run().report());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        caller.start();
        node.commandsStarted.acquire();

        caller.interrupt();
        node.commandsStarted.acquire();
        // Stopped again while the cleanup runs: the grace, not this, decides when it ends.
        caller.interrupt();
        caller.join();

        assertThat(report.get().aborted(), is(true));
        assertThat(report.get().step("dump").get().status(), is(Status.FAILED));
        assertThat("the cleanup was ended, not left running", cleanupEnded.get(), notNullValue());
        assertThat(node.closed.get() >= 1, is(true));
    }

    /** A node whose commands run until they are interrupted or the shell is closed. */
    static final class BlockingShell implements RemoteShell {
        final Semaphore commandsStarted = new Semaphore(0);
        final CountDownLatch closing = new CountDownLatch(1);
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String target() {
            return "mn1";
        }

        @Override
        public CommandResult run(Command command) throws ShellException, InterruptedException {
            commandsStarted.release();
            closing.await();
            throw new ShellException("mn1", ShellException.Phase.CANCELLED, "`" + command.toShellLine()
                    + "` was cancelled: the shell was closed");
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            closing.countDown();
        }
    }

    private interface Body {
        Outcome run(StepContext context) throws ShellException, InterruptedException;
    }

    private static ProcedureStep step(String id, Set<String> dependsOn, Body body) {
        return new AbstractStep(id, id, HostScope.PRIMARY, dependsOn.toArray(String[]::new)) {
            @Override
            public Outcome run(StepContext context) throws ShellException, InterruptedException {
                return body.run(context);
            }
        };
    }
}
