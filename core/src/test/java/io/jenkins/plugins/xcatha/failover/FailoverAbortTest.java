package io.jenkins.plugins.xcatha.failover;

import static io.jenkins.plugins.xcatha.failover.FailoverPair.explain;
import static io.jenkins.plugins.xcatha.failover.FailoverPair.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/** A failover stopped in any step is run again and continues where it stopped, never with both nodes active. */
public class FailoverAbortTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    @Before
    public void standbyPrepared() {
        FailoverPair.prepared(sim.standby());
    }

    @Test
    public void abortedInEveryStepEachReRunContinuesAndTheLastCompletes() {
        for (String stepId : Failover.STEP_IDS) {
            ProcedureReport aborted = FailoverPair.plannedAbortedAt(sim.cluster(), stepId);
            assertTrue(explain(aborted), aborted.aborted());
            // a step that runs no command (start-hpc-daemons with none asked for) ends before it notices
            assertTrue(explain(aborted), step(aborted, stepId).status() == Status.FAILED
                    || stepId.equals("start-hpc-daemons") && step(aborted, "verify").status() == Status.SKIPPED);
            assertFalse("never both active: " + stepId, sim.primary().carriesVirtualIp() && sim.standby().carriesVirtualIp());
            assertFalse("never both with the shared data: " + stepId, !sim.primary().mountedDirs().isEmpty()
                    && !sim.standby().mountedDirs().isEmpty());
        }
        ProcedureReport last = FailoverPair.planned(sim.cluster());
        assertEquals(explain(last), Result.SUCCESS, last.result());
        assertTrue(sim.standby().carriesVirtualIp());
        assertTrue(sim.standby().service("xcatd").running());
        assertEquals(List.of(), sim.primary().mountedDirs());
    }

    @Test
    public void abortedWhileTheOldPrimaryIsHalfDeactivated() throws Exception {
        sim.primary().inject(Fault.commandHangs("exportfs"));
        Thread[] runner = new Thread[1];
        CompletableFuture<ProcedureReport> run = CompletableFuture.supplyAsync(() -> {
            runner[0] = Thread.currentThread();
            return FailoverPair.planned(sim.cluster());
        });
        long deadline = System.currentTimeMillis() + 20_000;
        while (sim.primary().invocations("exportfs").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        runner[0].interrupt();
        ProcedureReport aborted = run.get(30, TimeUnit.SECONDS);
        assertEquals(explain(aborted), Status.FAILED, step(aborted, "deactivate-primary").status());
        assertThat(step(aborted, "deactivate-primary").message(), containsString("aborted"));
        assertFalse("xcatd was stopped before the exports", sim.primary().service("xcatd").running());
        assertTrue("the virtual IP stays where it was", sim.primary().carriesVirtualIp());
        assertFalse(sim.standby().carriesVirtualIp());

        FailoverPair.fixed(sim.primary(), "hang.exportfs");
        ProcedureReport rerun = FailoverPair.planned(sim.cluster());
        assertEquals(explain(rerun), Result.SUCCESS, rerun.result());
        assertThat(step(rerun, "deactivate-primary").message(), containsString("xcatd already stopped and disabled"));
    }
}
