package io.jenkins.plugins.xcatha.standby;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.report.Mode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

public class StandbyPrepareProcedureTest {
    private final Procedure procedure = StandbyPrepare.procedure(StandbyPrepareOptions.builder().build());

    private ProcedureStep step(String id) {
        return procedure.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    public void stepIdsAndOrderAreTheDesignContract() {
        assertThat(procedure.id(), is("standby-prepare"));
        assertThat(procedure.steps().stream().map(ProcedureStep::id).collect(Collectors.toList()), is(List.of(
                "preflight", "database-engine", "shared-data", "xcatd-verify", "name-resolution", "ssh-trust",
                "time-sync", "stop-xcat-services", "stop-hpc-daemons", "backup-database")));
        assertThat(StandbyPrepare.STEP_IDS, is(procedure.steps().stream().map(ProcedureStep::id)
                .collect(Collectors.toList())));
    }

    @Test
    public void everyStepAfterPreflightNeedsIt() {
        assertThat(procedure.steps().subList(1, procedure.steps().size()).stream()
                .map(s -> s.dependsOn().contains("preflight")).collect(Collectors.toList()), everyItem(is(true)));
    }

    @Test
    public void servicesAreStoppedOnlyAfterXcatdWasVerifiedAndNoSharedDataIsMounted() {
        assertThat(step("stop-xcat-services").dependsOn(), hasItem("xcatd-verify"));
        assertThat(step("stop-xcat-services").dependsOn(), hasItem("shared-data"));
        assertThat(step("stop-xcat-services").dependsOn(), hasItem("database-engine"));
        assertThat(step("stop-hpc-daemons").dependsOn(), hasItem("shared-data"));
    }

    @Test
    public void independentChecksDoNotBlockEachOther() {
        assertThat(step("time-sync").dependsOn(), not(hasItem("name-resolution")));
        assertThat(step("time-sync").dependsOn(), not(hasItem("ssh-trust")));
        assertThat(step("name-resolution").dependsOn(), not(hasItem("database-engine")));
    }

    @Test
    public void checkModeOptionGivesTheCheckMode() {
        assertThat(StandbyPrepare.mode(StandbyPrepareOptions.builder().checkMode(true).build()), is(Mode.CHECK));
        assertThat(StandbyPrepare.mode(StandbyPrepareOptions.builder().build()), is(Mode.APPLY));
    }
}
