package io.jenkins.plugins.xcatha.failover;

import static io.jenkins.plugins.xcatha.failover.FailoverPair.changesMade;
import static io.jenkins.plugins.xcatha.failover.FailoverPair.explain;
import static io.jenkins.plugins.xcatha.failover.FailoverPair.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * On AIX the shared file systems sit on a volume group: varied off on the old primary after the unmounts, varied on
 * at the standby before the mounts (sharedVolumeGroup, the sample scripts' SHAREDVG). Without it named, a planned
 * failover refuses before it deactivates anything: the standby could not mount the shared data.
 */
public class FailoverAixVolumeGroupTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.AIX7, DbEngine.SQLITE);

    @Before
    public void standbyPrepared() {
        FailoverPair.prepared(sim.standby());
        sim.primary().clearAudit();
        sim.standby().clearAudit();
    }

    @Test
    public void thePlannedFailoverVariesTheGroupOffAtTheOldPrimaryAndOnAtTheStandby() {
        ProcedureReport report = FailoverPair.planned(sim.cluster());
        assertEquals(explain(report), Result.SUCCESS, report.result());
        assertThat(step(report, "deactivate-primary").message(),
                containsString("varied off the volume group xcatvg (`varyoffvg xcatvg`)"));
        assertThat(step(report, "shared-data").message(), containsString("varied on the volume group xcatvg"));
        assertTrue(sim.standby().variedOnVolumeGroups().contains("xcatvg"));
        assertTrue(sim.standby().mountedDirs().contains("/install"));
    }

    @Test
    public void checkModeSaysItWouldMoveTheGroupAndDoesNot() {
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster()).planned(true)
                .checkMode(true).build());
        assertEquals(explain(report), Result.SUCCESS, report.result());
        assertThat(step(report, "deactivate-primary").message(), containsString("would vary off the volume group xcatvg"));
        assertThat(step(report, "shared-data").message(), containsString("would vary on the volume group xcatvg"));
        assertThat(changesMade(sim.primary()), empty());
        assertThat(changesMade(sim.standby()), empty());
    }

    @Test
    public void withoutTheGroupNamedItRefusesBeforeDeactivatingThePrimary() {
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster()).planned(true)
                .sharedVolumeGroup(null).build());
        assertEquals(explain(report), Result.FAILURE, report.result());
        assertEquals(Status.FAILED, step(report, "preflight").status());
        assertThat(step(report, "preflight").message(), containsString("volume group xcatvg varied on besides rootvg"));
        assertThat(step(report, "preflight").message(), containsString("sharedVolumeGroup: 'xcatvg'"));
        assertThat(changesMade(sim.primary()), empty());
    }

    @Test
    public void aGroupTheStandbyHasNotImportedIsRefused() {
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster()).planned(true)
                .sharedVolumeGroup("datavg").build());
        assertEquals(Status.FAILED, step(report, "preflight").status());
        assertThat(step(report, "preflight").message(), containsString("does not know the volume group datavg"));
        assertThat(step(report, "preflight").message(), containsString("importvg -y datavg"));
        assertThat(changesMade(sim.primary()), empty());
    }
}
