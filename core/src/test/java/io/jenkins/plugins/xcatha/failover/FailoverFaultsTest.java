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
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * Each fault a failover meets stops it in the step it concerns, with a message that says what and where, leaves
 * both nodes consistent (never both active), and a run after the fault is gone completes.
 */
public class FailoverFaultsTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    @Before
    public void standbyPrepared() {
        FailoverPair.prepared(sim.standby());
    }

    private ProcedureReport planned() {
        return FailoverPair.planned(sim.cluster());
    }

    private void failsIn(ProcedureReport report, String stepId, String message) {
        assertEquals(explain(report), Result.FAILURE, report.result());
        assertEquals(explain(report), Status.FAILED, step(report, stepId).status());
        assertThat(step(report, stepId).message(), containsString(message));
        assertTrue("only " + stepId + " failed:" + explain(report), report.steps().stream()
                .filter(s -> s.status() == Status.FAILED).count() == 1);
    }

    private void completesOnceFixed(SimulatedNode node, String flag) {
        FailoverPair.fixed(node, flag);
        ProcedureReport rerun = planned();
        assertEquals(explain(rerun), Result.SUCCESS, rerun.result());
        assertTrue(sim.standby().carriesVirtualIp());
        assertFalse(sim.primary().carriesVirtualIp());
        assertTrue(sim.standby().service("xcatd").running());
    }

    @Test
    public void somethingElseOnTheVirtualIpStopsTheActivationBeforeAnythingIsConfigured() {
        sim.standby().inject(Fault.vipInUse());
        ProcedureReport report = planned();
        failsIn(report, "virtual-ip", "something answers on the virtual IP " + sim.cluster().virtualIp());
        assertThat(step(report, "virtual-ip").message(), containsString("arping"));
        assertFalse(sim.primary().carriesVirtualIp());
        assertFalse("nothing activated", sim.standby().carriesVirtualIp());
        assertEquals(List.of(), sim.standby().mountedDirs());
        assertFalse(sim.standby().service("xcatd").running());
        completesOnceFixed(sim.standby(), "vip-in-use");
    }

    @Test
    public void busySharedDataOnTheOldPrimaryNamesItsHolders() {
        sim.primary().inject(Fault.sharedDataBusy("/install"));
        ProcedureReport report = planned();
        failsIn(report, "deactivate-primary", "`umount /install` failed");
        assertThat(step(report, "deactivate-primary").message(), containsString("held by bash (PID 4242, root),"
                + " rsync (PID 4301, root)"));
        assertTrue("the old primary keeps what it could not give up", sim.primary().mountedDirs().contains("/install"));
        assertEquals(Status.SKIPPED, step(report, "virtual-ip").status());
        assertFalse(sim.standby().carriesVirtualIp());
        assertEquals(List.of(), sim.standby().mountedDirs());
        completesOnceFixed(sim.primary(), "busy._install");
    }

    @Test
    public void aSharedFileSystemThatCannotBeMountedStopsBeforeTheDatabase() {
        sim.standby().inject(Fault.mountFails("/install"));
        ProcedureReport report = planned();
        failsIn(report, "shared-data", "`mount /install` failed (exit 32: mount: /install: special device");
        assertEquals(Status.SKIPPED, step(report, "start-xcatd").status());
        assertFalse(sim.standby().service("xcatd").running());
        assertFalse("the old primary stays deactivated", sim.primary().service("xcatd").running());
        completesOnceFixed(sim.standby(), "mount-fails._install");
    }

    @Test
    public void makedhcpFailingStopsTheNetworkServicesAndARunAfterTheFixCompletesThem() {
        sim.standby().inject(Fault.makedhcpFails());
        ProcedureReport report = planned();
        failsIn(report, "network-services", "`makedhcp -n` failed (exit 1: Error: [xcatmn2]: Unable to determine");
        assertTrue(sim.standby().service("xcatd").running());
        completesOnceFixed(sim.standby(), "makedhcp-fails");
        assertTrue(sim.standby().service("dhcpd").running());
        assertFalse("started, not enabled at boot", sim.standby().service("dhcpd").enabled());
    }

    @Test
    public void aDatabaseServerThatCannotStartStopsBeforeXcatd() {
        try (SimulatedCluster pg = SimulatedCluster.startPair(Flavour.RHEL9, DbEngine.POSTGRESQL)) {
            FailoverPair.prepared(pg.standby());
            pg.standby().inject(Fault.databaseCannotStart());
            ProcedureReport report = FailoverPair.planned(pg);
            failsIn(report, "database", "postgresql cannot start (`systemctl start postgresql` exit 1");
            assertFalse(pg.primary().service("postgresql").running());
            assertFalse(pg.standby().service("xcatd").running());
            assertTrue(pg.standby().mountedDirs().contains("/var/lib/pgsql"));
            FailoverPair.fixed(pg.standby(), "database-cannot-start");
            ProcedureReport rerun = FailoverPair.planned(pg);
            assertEquals(explain(rerun), Result.SUCCESS, rerun.result());
            assertTrue(pg.standby().service("postgresql").running());
            assertFalse("started, not enabled at boot", pg.standby().service("postgresql").enabled());
        }
    }
}
