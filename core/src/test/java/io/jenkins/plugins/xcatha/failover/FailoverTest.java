package io.jenkins.plugins.xcatha.failover;

import static io.jenkins.plugins.xcatha.failover.FailoverPair.changesMade;
import static io.jenkins.plugins.xcatha.failover.FailoverPair.explain;
import static io.jenkins.plugins.xcatha.failover.FailoverPair.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** Failover end to end on a RHEL9 / SQLite pair: planned, unplanned, check mode, re-runs, and what comes after. */
public class FailoverTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    @org.junit.Before
    public void standbyPrepared() {
        FailoverPair.prepared(sim.standby());
    }

    @Test
    public void plannedFailoverMovesTheManagementNodeAndTheOldPrimaryCanBePreparedAsTheNewStandby() {
        SimulatedNode primary = sim.primary();
        SimulatedNode standby = sim.standby();
        ProcedureReport report = FailoverPair.planned(sim.cluster());
        assertEquals(explain(report), Result.SUCCESS, report.result());
        assertEquals(Failover.STEP_IDS, report.steps().stream().map(StepResult::id).toList());

        assertFalse(primary.carriesVirtualIp());
        assertEquals(List.of(), primary.mountedDirs());
        for (String s : List.of("xcatd", "dhcpd", "conserver", "teal", "gpfs")) {
            assertFalse(s + " stopped on the old primary", primary.service(s).running());
            assertFalse(s + " kept from starting at boot", primary.service(s).enabled());
        }
        assertTrue(standby.carriesVirtualIp());
        assertTrue(standby.mountedDirs().containsAll(List.of("/etc/xcat", "/install", "/root/.xcat", "/tftpboot")));
        assertTrue(standby.service("xcatd").running());
        assertTrue(standby.service("dhcpd").running());
        assertTrue(standby.service("conserver").running());
        assertEquals("the cluster's database moved with the shared data", 4, standby.exec("lsdef", "-t", "node").stdout()
                .lines().count());
        assertThat(step(report, "verify").message(), containsString("resolve through " + sim.cluster().virtualIp()));
        assertThat(step(report, "verify").message(), containsString("Next: prepare the old primary"));
        assertThat("the neighbours are told the new MAC address at once", step(report, "virtual-ip").message(),
                containsString("announced with gratuitous ARP (`arping -U -c 3 -I eth0 " + sim.cluster().virtualIp() + "`)"));
        assertTrue(standby.invocations().stream().anyMatch(argv -> argv.get(0).equals("arping") && argv.contains("-U")
                && argv.contains(sim.cluster().virtualIp())));
        assertEquals(Status.SKIPPED, step(report, "start-hpc-daemons").status());

        ProcedureReport again = FailoverPair.planned(sim.cluster());
        assertEquals(explain(again), Result.SUCCESS, again.result());
        assertTrue("a second run changes nothing:" + explain(again), again.steps().stream()
                .noneMatch(s -> s.status() == Status.CHANGED));

        ProcedureReport prepare = FailoverPair.prepareOldPrimary(sim.cluster());
        assertEquals(explain(prepare), Result.SUCCESS, prepare.result());
    }

    @Test
    public void checkModeSaysWhatItWouldDoOnEachNodeAndChangesNothing() {
        primaryAndStandbyAuditCleared();
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster()).planned(true)
                .checkMode(true).build());
        assertEquals(explain(report), Result.SUCCESS, report.result());
        assertThat(step(report, "deactivate-primary").message(), containsString("would stop and disable xcatd"));
        assertThat(step(report, "deactivate-primary").message(), containsString("would unmount"));
        assertThat(step(report, "virtual-ip").message(), containsString("would configure the virtual IP"));
        assertThat(step(report, "shared-data").message(), containsString("would mount /etc/xcat"));
        assertThat(step(report, "start-xcatd").message(), containsString("would start xcatd"));
        assertThat(changesMade(sim.primary()), empty());
        assertThat(changesMade(sim.standby()), empty());
        assertTrue(sim.primary().carriesVirtualIp());
        assertTrue(sim.primary().service("xcatd").running());
        assertFalse(sim.standby().carriesVirtualIp());
    }

    @Test
    public void anUnreachablePrimaryIsNotTakenForDownUnlessTheOperatorSaysSo() {
        sim.primary().inject(Fault.primaryUnreachable());
        primaryAndStandbyAuditCleared();
        ProcedureReport refused = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster()).build());
        assertEquals(Result.FAILURE, refused.result());
        assertThat(step(refused, "preflight").message(), containsString("unreachable is not down"));
        assertThat(changesMade(sim.standby()), empty());

        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster())
                .primaryDown(true).build());
        assertEquals(explain(report), Result.SUCCESS, report.result());
        assertEquals(Status.SKIPPED, step(report, "deactivate-primary").status());
        assertTrue(sim.standby().carriesVirtualIp());
        assertTrue(sim.standby().service("xcatd").running());

        sim.primary().reboot();
        ProcedureReport prepare = FailoverPair.prepareOldPrimary(sim.cluster());
        assertEquals(explain(prepare), Result.SUCCESS, prepare.result());
    }

    @Test
    public void anUnplannedFailoverIsRefusedWhileTheVirtualIpStillAnswers() {
        sim.primary().crash();
        sim.standby().inject(Fault.vipInUse());
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster())
                .primaryDown(true).build());
        assertEquals(Result.FAILURE, report.result());
        assertEquals(explain(report), Status.FAILED, step(report, "virtual-ip").status());
        assertThat(step(report, "virtual-ip").message(), containsString("something answers on the virtual IP"));
        assertFalse(sim.standby().carriesVirtualIp());
        assertEquals(List.of(), sim.standby().mountedDirs());
    }

    private void primaryAndStandbyAuditCleared() {
        sim.primary().clearAudit();
        sim.standby().clearAudit();
    }

    @Test
    public void aVolumeGroupIsRefusedOffAix() {
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster()).planned(true)
                .sharedVolumeGroup("xcatvg").build());
        assertEquals(Status.FAILED, step(report, "preflight").status());
        assertThat(step(report, "preflight").message(), containsString("sharedVolumeGroup is for AIX volume groups"));
        assertThat(changesMade(sim.primary()), empty());
    }

    @Test
    public void withoutArpingTheVirtualIpIsMovedButTheBuildSaysTheNeighboursMayNotKnowYet() {
        sim.standby().inject(Fault.toolMissing("arping"));
        ProcedureReport report = FailoverPair.planned(sim.cluster());
        assertEquals(explain(report), Result.UNSTABLE, report.result());
        assertEquals(Status.WARNING, step(report, "virtual-ip").status());
        assertThat(step(report, "virtual-ip").message(), containsString("no arping on standby"));
        assertThat(step(report, "virtual-ip").message(), containsString("install arping (iputils) and run `arping -U"));
        assertTrue("the failover went on", sim.standby().service("xcatd").running());
    }
}
