package io.jenkins.plugins.xcatha.jenkins;

import static io.jenkins.plugins.xcatha.report.Status.OK;
import static io.jenkins.plugins.xcatha.report.Status.SKIPPED;
import static io.jenkins.plugins.xcatha.report.Status.WARNING;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.Test;

public class StepReturnValueTest {

    @Test
    public void aJenkinsfileCanBranchOnTheResultAndOnEachStepsStatus() {
        Map<String, Object> value = StepReturnValue.of(
                Reports.of("db-backup", false, "preflight", OK, "retention", WARNING, "collect", SKIPPED),
                "xcat-ha/db-backup-2");
        assertThat(value.get("result"), equalTo("UNSTABLE"));
        assertThat(value.get("steps"), equalTo(Map.of("preflight", "OK", "retention", "WARNING",
                "collect", "SKIPPED")));
        assertThat(((Map<?, ?>) value.get("steps")).keySet(), contains("preflight", "retention", "collect"));
        assertThat(value.get("artifacts"), equalTo("xcat-ha/db-backup-2"));
        assertThat(value.get("procedure"), equalTo("db-backup"));
        assertThat(value.get("mode"), equalTo("apply"));
        assertThat(value.get("aborted"), equalTo(false));
    }
}
