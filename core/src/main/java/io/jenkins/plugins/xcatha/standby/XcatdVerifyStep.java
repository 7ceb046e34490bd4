package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceManager;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.LsxcatdOutput;

/**
 * "Make sure the xcatd can be up and running with whatever database is used as part of the xCAT setup
 * verification on the standby": {@code lsxcatd -a} must answer through the daemon (never XCATBYPASS, which
 * answers with xcatd down) before stop-xcat-services stops it. On a re-run, xcatd already stopped and
 * disabled is left alone.
 */
final class XcatdVerifyStep extends AbstractStep {
    static final String ID = "xcatd-verify";
    static final String XCATD = "xcatd";
    // xcatd takes 2-3 s from start until it answers (xcat-observed).
    private static final int ANSWER_ATTEMPTS = 10;
    private static final long ANSWER_PAUSE_MILLIS = 500;

    XcatdVerifyStep() {
        super(ID, "xcatd answers on the standby before it is stopped",
                HostScope.STANDBY, PreflightStep.ID, DatabaseEngineStep.ID);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        Platform platform = NodeCommands.platform(context, standby);
        ServiceManager services = platform.services();
        ServiceState xcatd = services.state(NodeCommands.exec(context, standby), XCATD);
        if (!xcatd.installed()) {
            return Outcome.failed("xcatd is not installed on standby " + standby.name() + " (" + services.id()
                    + "): install xCAT on the standby first. " + services.hint(XCATD));
        }
        if (xcatd.stoppedAndDisabled()) {
            return Outcome.skipped("xcatd is already stopped and disabled at boot on standby " + standby.name()
                    + " (an earlier run stopped it); it is not started again just to verify it");
        }
        String started = "";
        if (!xcatd.running()) {
            if (context.checkMode()) {
                return Outcome.changed("would start xcatd on standby " + standby.name() + " (stopped but enabled"
                        + " at boot) to verify that `lsxcatd -a` answers");
            }
            for (Command start : services.startCommands(xcatd)) {
                CommandResult r = context.run(standby, start);
                if (r.exitCode() != 0) {
                    return Outcome.failed("xcatd cannot start on standby " + standby.name() + ": `"
                            + NodeCommands.shown(start) + "` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r)
                            + ". xcatd must run with the standby's database before the standby is ready; "
                            + services.hint(XCATD));
                }
            }
            started = "started xcatd (it was stopped but enabled at boot); ";
        }
        CommandResult answer = null;
        for (int attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
            answer = context.run(standby, NodeCommands.tool("lsxcatd", "-a"));
            if (answer.exitCode() == 0 || !LsxcatdOutput.daemonUnreachable(answer.exitCode(), answer.stdout())
                    || started.isEmpty()) {
                break;
            }
            Thread.sleep(ANSWER_PAUSE_MILLIS);
        }
        LsxcatdOutput out = LsxcatdOutput.parse(answer.stdout());
        if (answer.exitCode() != 0 || out.version().isEmpty()) {
            String why = LsxcatdOutput.daemonUnreachable(answer.exitCode(), answer.stdout())
                    ? "xcatd does not answer on localhost:3001" : "unexpected answer";
            return Outcome.failed(started + "`lsxcatd -a` on standby " + standby.name() + " failed (exit "
                    + answer.exitCode() + ", " + why + ": " + NodeCommands.firstLine(answer) + "). "
                    + services.hint(XCATD));
        }
        String what = "xcatd answers on standby " + standby.name() + ": xCAT " + out.version().get()
                + out.engine().map(e -> ", database " + e.displayName()).orElse("");
        return started.isEmpty() ? Outcome.ok(what) : Outcome.changed(started + what);
    }
}
