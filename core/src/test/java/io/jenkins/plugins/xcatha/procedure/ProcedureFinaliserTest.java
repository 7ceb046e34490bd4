package io.jenkins.plugins.xcatha.procedure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.local.LocalShell;
import io.jenkins.plugins.xcatha.report.CommandRecord;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Test;

/** The runner's finaliser: runs once after the steps whatever happened, even after an abort. */
public class ProcedureFinaliserTest {
    private final LocalShell shell = new LocalShell();
    private final Cluster cluster = Cluster.single(new Node(Node.Role.PRIMARY, "local", shell));

    @After
    public void closeShell() {
        shell.close();
    }

    private static ProcedureStep step(String id, Set<String> dependsOn, String... argv) {
        return new AbstractStep(id, id, HostScope.PRIMARY, dependsOn.toArray(String[]::new)) {
            @Override
            public Outcome run(StepContext context) throws ShellException, InterruptedException {
                int rc = context.run(context.primary(), Command.of(argv[0], java.util.Arrays.copyOfRange(argv, 1,
                        argv.length))).exitCode();
                return rc == 0 ? Outcome.ok("ran") : Outcome.failed("exit " + rc);
            }
        };
    }

    private static Finaliser cleanup(AtomicBoolean ran) {
        return (context, results) -> {
            context.run(context.primary(), Command.of("echo", "released"));
            ran.set(true);
        };
    }

    @Test
    public void runsAfterAFailedStepAndItsCommandsAreRecordedWithTheLastStep() {
        AtomicBoolean ran = new AtomicBoolean();
        Procedure p = new Procedure("p", List.of(step("lock", Set.of(), "false"),
                step("work", Set.of("lock"), "true"))).withFinaliser(cleanup(ran));

        ProcedureReport report = new ProcedureRunner().run(p, cluster, Mode.APPLY, ProgressListener.NONE);

        assertThat(ran.get(), is(true));
        assertThat(report.statuses().values(), contains(Status.FAILED, Status.SKIPPED));
        assertThat(report.step("work").orElseThrow().commands().stream().map(CommandRecord::command)
                .collect(Collectors.toList()), contains("echo released"));
    }

    @Test
    public void runsAfterAnAbortAndTheInterruptStaysVisible() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<ProcedureReport> report = new AtomicReference<>();
        AtomicBoolean interruptedAfterwards = new AtomicBoolean();
        Procedure p = new Procedure("p", List.of(step("long", Set.of(), "sleep", "30"),
                step("after", Set.of(), "true"))).withFinaliser(cleanup(ran));
        Thread job = new Thread(() -> {
            report.set(new ProcedureRunner().run(p, cluster, Mode.APPLY, ProgressListener.NONE));
            interruptedAfterwards.set(Thread.currentThread().isInterrupted());
        });
        job.start();
        while (job.isAlive() && job.getState() != Thread.State.TIMED_WAITING && job.getState() != Thread.State.WAITING) {
            Thread.sleep(20);
        }
        job.interrupt();
        job.join(30_000);

        assertThat(report.get().aborted(), is(true));
        assertThat(ran.get(), is(true));
        assertThat(interruptedAfterwards.get(), is(true));
        assertThat(report.get().step("after").orElseThrow().commands().stream().map(CommandRecord::command)
                .collect(Collectors.toList()), contains("echo released"));
    }
}
