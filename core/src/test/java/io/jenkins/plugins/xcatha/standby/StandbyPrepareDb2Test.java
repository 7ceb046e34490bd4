package io.jenkins.plugins.xcatha.standby;

import static io.jenkins.plugins.xcatha.standby.SimulatedPair.explain;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.message;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.junit.Rule;
import org.junit.Test;

/** DB2 keeps its instance under site.databaseloc (/var/lib by default): that directory is shared data too. */
public class StandbyPrepareDb2Test {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.AIX7, DbEngine.DB2);

    @Test
    public void refusesStandbyWithTheDb2InstanceDirectoryFromSiteDatabaselocMounted() {
        sim.standby().inject(Fault.sharedDataMounted("/var/lib/db2"));
        ProcedureReport r = SimulatedPair.check(sim.cluster());
        assertThat(explain(r), status(r, "preflight"), is(Status.FAILED));
        assertThat(message(r, "preflight"), containsString("has the shared data mounted (/var/lib/db2"));
    }
}
