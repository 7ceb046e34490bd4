package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class BuildLogProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final BuildLogProgress progress = new BuildLogProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private static final ProcedureStep SHARED_DATA = new AbstractStep("shared-data",
            "Shared data not mounted on the standby", HostScope.STANDBY) {
        @Override
        public Outcome run(StepContext context) {
            throw new UnsupportedOperationException("not run in this test");
        }
    };

    @Test
    public void writesOneLineWhenAStepStartsAndOneWhenItEnds() {
        progress.stepStarted(3, 10, SHARED_DATA, "mn2");
        progress.stepFinished(3, 10, new StepResult("shared-data", SHARED_DATA.title(), "mn2", Status.CHANGED,
                "unmounted /install\nand /tftpboot", 1234, List.of()));
        assertThat(log(), equalTo(
                "[xcat-ha] (3/10) shared-data on mn2: started (Shared data not mounted on the standby)\n"
                + "[xcat-ha] (3/10) shared-data on mn2: CHANGED in 1.2 s: unmounted /install | and /tftpboot\n"));
    }

    @Test
    public void commandOutputIsNotEchoed() {
        progress.output("mn1", "a line of a dump");
        assertThat(log(), equalTo(""));
    }

    private String log() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
