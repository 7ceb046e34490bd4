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
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * The cluster's database engine is the one the shared /etc/xcat/cfgloc names, not the standby's own: a standby set
 * up with SQLite cannot take over a cluster whose shared configuration names PostgreSQL. A planned failover says
 * so before it deactivates anything; an unplanned one, which cannot read the dead primary, once the shared data
 * shows the cfgloc, and before xcatd starts on a database it cannot serve.
 */
public class FailoverSharedConfigurationTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(
            NodeSpec.node("primary").flavour(Flavour.RHEL9).engine(DbEngine.POSTGRESQL),
            NodeSpec.node("standby").flavour(Flavour.RHEL9).engine(DbEngine.SQLITE));

    @Before
    public void standbyPrepared() {
        FailoverPair.prepared(sim.standby());
        assertFalse("the standby's own /etc/xcat has no cfgloc", sim.standby().fileExists("/etc/xcat/cfgloc"));
    }

    @Test
    public void aPlannedFailoverRefusesBeforeDeactivatingThePrimary() {
        sim.primary().clearAudit();
        ProcedureReport report = FailoverPair.planned(sim.cluster());
        assertEquals(explain(report), Result.FAILURE, report.result());
        assertEquals(explain(report), Status.FAILED, step(report, "preflight").status());
        assertThat(step(report, "preflight").message(), containsString("serves the cluster's database with PostgreSQL"));
        assertThat(step(report, "preflight").message(), containsString("has no postgresql service"));
        assertThat("the primary still serves", changesMade(sim.primary()), empty());
        assertTrue(sim.primary().carriesVirtualIp());
        assertTrue(sim.primary().service("xcatd").running());
    }

    @Test
    public void anUnplannedFailoverStopsAtTheDatabaseOnceTheSharedCfglocShows() {
        sim.primary().crash();
        ProcedureReport report = FailoverPair.failover(sim.cluster(), FailoverPair.options(sim.cluster())
                .primaryDown(true).build());
        assertEquals(explain(report), Result.FAILURE, report.result());
        assertEquals(explain(report), Status.FAILED, step(report, "database").status());
        assertThat(step(report, "database").message(), containsString("the shared /etc/xcat/cfgloc names PostgreSQL"));
        assertEquals(Status.SKIPPED, step(report, "start-xcatd").status());
        assertFalse(sim.standby().service("xcatd").running());
        assertThat("what the standby sees now is the shared cfgloc", sim.standby().readFile("/etc/xcat/cfgloc"),
                containsString("Pg:"));
    }
}
