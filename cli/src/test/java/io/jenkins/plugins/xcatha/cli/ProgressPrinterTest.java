package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.Test;

public class ProgressPrinterTest {
    private static final ProcedureStep TIME_SYNC = new AbstractStep("time-sync", "Clocks synchronised",
            HostScope.BOTH) {
        @Override
        public Outcome run(StepContext context) {
            return Outcome.ok("");
        }
    };

    private static final StepResult WARNED = new StepResult("time-sync", "Clocks synchronised", "mn1, mn2",
            Status.WARNING, "standby mn2 not synchronised\n\u001b[2Jchronyc: 506 Cannot talk to daemon", 1234,
            List.of());

    @Test
    public void inALogEachFinishedStepIsOnePlainLine() {
        StringWriter out = new StringWriter();
        try (ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), false)) {
            printer.stepStarted(7, 10, TIME_SYNC, "mn1, mn2");
            printer.stepFinished(7, 10, WARNED);
        }

        assertThat(out.toString(), is("[ 7/10] time-sync            WARNING     1.2 s  standby mn2 not synchronised"
                + " / \\x1B[2Jchronyc: 506 Cannot talk to daemon\n"));
    }

    @Test
    public void onATerminalTheRunningStepHasAStatusLineThatTheResultReplaces() {
        StringWriter out = new StringWriter();
        try (ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), true)) {
            printer.stepStarted(7, 10, TIME_SYNC, "mn1, mn2");
            printer.stepFinished(7, 10, WARNED);
        }

        String screen = out.toString();
        assertThat(screen, containsString("\r\u001b[K[ 7/10] time-sync            mn1, mn2  running 0."));
        assertThat(screen, containsString("\r\u001b[K[ 7/10] time-sync            WARNING     1.2 s  "));
        assertThat("output of the node cannot clear the screen", screen, not(containsString("\u001b[2J")));
    }
}
