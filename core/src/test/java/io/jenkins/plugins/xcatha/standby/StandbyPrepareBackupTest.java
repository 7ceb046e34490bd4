package io.jenkins.plugins.xcatha.standby;

import static io.jenkins.plugins.xcatha.standby.SimulatedPair.explain;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.message;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import org.junit.Rule;
import org.junit.Test;

/** backup-database: the db-backup procedure, run as one step on the primary, never on the standby. */
public class StandbyPrepareBackupTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.RHEL9, DbEngine.POSTGRESQL);

    @Test
    public void backupDatabaseLeavesAVerifiedDumpOnThePrimaryAndNoPasswordInTheReport() {
        ProcedureReport r = SimulatedPair.run(sim.cluster(), StandbyPrepareOptions.builder().backupDatabase(true).build());
        assertThat(explain(r), r.result(), is(Result.SUCCESS));
        assertThat(explain(r), status(r, "backup-database"), is(Status.CHANGED));
        assertThat(message(r, "backup-database"), containsString("/var/backup/xcat/"));
        assertThat(sim.primary().invocations("dumpxCATdb"), not(empty()));
        assertThat(sim.standby().invocations("dumpxCATdb"), is(empty()));
        assertThat(r.toString(), not(containsString(sim.primary().databasePassword())));
    }
}
