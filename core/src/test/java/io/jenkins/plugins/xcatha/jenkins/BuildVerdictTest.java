package io.jenkins.plugins.xcatha.jenkins;

import static io.jenkins.plugins.xcatha.report.Status.CHANGED;
import static io.jenkins.plugins.xcatha.report.Status.FAILED;
import static io.jenkins.plugins.xcatha.report.Status.OK;
import static io.jenkins.plugins.xcatha.report.Status.SKIPPED;
import static io.jenkins.plugins.xcatha.report.Status.WARNING;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import org.junit.Test;

public class BuildVerdictTest {
    private final ProcedureReport clean = Reports.of("db-backup", false, "preflight", OK, "dump", CHANGED);
    private final ProcedureReport warned = Reports.of("db-backup", false, "preflight", OK, "retention", WARNING);
    private final ProcedureReport failed = Reports.of("db-backup", false, "preflight", OK, "dump", FAILED,
            "verify", SKIPPED);

    @Test
    public void successLeavesTheBuildAlone() {
        BuildVerdict v = BuildVerdict.of(clean, true, false);
        assertThat(v.buildResult(), nullValue());
        assertThat(v.fails(), is(false));
    }

    @Test
    public void warningMakesTheBuildUnstableAndGoesOn() {
        BuildVerdict v = BuildVerdict.of(warned, false, false);
        assertThat(v.buildResult(), equalTo(Result.UNSTABLE));
        assertThat(v.fails(), is(false));
    }

    @Test
    public void warningFailsTheBuildWithFailOnWarning() {
        BuildVerdict v = BuildVerdict.of(warned, true, false);
        assertThat(v.buildResult(), equalTo(Result.FAILURE));
        assertThat(v.failure(), equalTo("db-backup warned (failOnWarning): retention (retention says warning)"));
    }

    @Test
    public void failedStepFailsTheBuildNamingTheStepAndTheFirstLineOfItsMessage() {
        BuildVerdict v = BuildVerdict.of(failed, false, false);
        assertThat(v.buildResult(), equalTo(Result.FAILURE));
        assertThat(v.failure(), equalTo("db-backup failed: dump (dump says failed)"));
        assertThat(v.failure(), not(containsString("\n")));
    }

    @Test
    public void reportOnlyNeverChangesTheBuildResult() {
        assertThat(BuildVerdict.of(failed, true, true), equalTo(new BuildVerdict(null, null)));
        assertThat(BuildVerdict.of(warned, true, true), equalTo(new BuildVerdict(null, null)));
    }

    @Test
    public void abortedRunFails() {
        BuildVerdict v = BuildVerdict.of(Reports.of("standby-prepare", true, "preflight", OK, "ssh-trust", FAILED),
                false, false);
        assertThat(v.buildResult(), equalTo(Result.FAILURE));
        assertThat(v.failure(), equalTo("standby-prepare was aborted"));
    }
}
