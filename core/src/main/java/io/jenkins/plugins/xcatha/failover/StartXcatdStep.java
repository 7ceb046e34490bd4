package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.xcat.LsxcatdOutput;

/**
 * xcatd started on the new primary (not enabled at boot: after a reboot the shared data must be mounted first) and
 * answering through the daemon ({@code lsxcatd -a}, {@code tabdump site}); refused while the old primary runs one.
 */
final class StartXcatdStep extends AbstractStep {
    static final String ID = "start-xcatd";
    private static final int ANSWER_ATTEMPTS = 10;
    private final FailoverOptions options;

    StartXcatdStep(FailoverOptions options) {
        super(ID, "xcatd started on the standby and answering", HostScope.STANDBY, PreflightStep.ID, VirtualIpStep.ID,
                SharedDataStep.ID, DatabaseStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        Platform platform = NodeCommands.platform(context, standby);
        ServiceState xcatd = platform.services().state(NodeCommands.exec(context, standby), "xcatd");
        if (!xcatd.installed()) {
            return Outcome.failed("xcatd is not installed on standby " + standby.name() + ". " + platform.services().hint("xcatd"));
        }
        String started = "";
        if (!xcatd.running()) {
            if (context.checkMode()) {
                return Outcome.changed("would start xcatd on standby " + standby.name() + " (`"
                        + NodeCommands.shown(platform.services().startCommands(xcatd).get(0)) + "`, not enabled at boot)"
                        + " and check that `lsxcatd -a` and `tabdump site` answer");
            }
            Outcome refused = OldPrimary.stillActive(context, options, "start xcatd");
            if (refused != null) {
                return refused;
            }
            for (Command c : platform.services().startCommands(xcatd)) {
                CommandResult r = context.run(standby, c);
                if (r.exitCode() != 0) {
                    return Outcome.failed("standby " + standby.name() + ": xcatd cannot start (`" + NodeCommands.shown(c)
                            + "` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + "). "
                            + platform.services().hint("xcatd"));
                }
            }
            started = "started xcatd (not enabled at boot); ";
        }
        CommandResult lsxcatd = null;
        for (int attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
            lsxcatd = context.run(standby, NodeCommands.tool("lsxcatd", "-a"));
            if (lsxcatd.exitCode() == 0 || started.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        LsxcatdOutput out = LsxcatdOutput.parse(lsxcatd.stdout());
        if (lsxcatd.exitCode() != 0 || out.version().isEmpty()) {
            return Outcome.failed(started + "`lsxcatd -a` on standby " + standby.name() + " failed (exit "
                    + lsxcatd.exitCode() + ": " + NodeCommands.firstLine(lsxcatd) + "). " + platform.services().hint("xcatd"));
        }
        CommandResult site = context.run(standby, NodeCommands.tool("tabdump", "site"));
        if (site.exitCode() != 0) {
            return Outcome.failed(started + "xcatd on standby " + standby.name() + " answers `lsxcatd -a` but not `tabdump"
                    + " site` (exit " + site.exitCode() + ": " + NodeCommands.firstLine(site) + ")");
        }
        String what = "xcatd answers on standby " + standby.name() + ": xCAT " + out.version().get()
                + out.engine().map(e -> ", database " + e.displayName()).orElse("");
        return started.isEmpty() ? Outcome.ok(what) : Outcome.changed(started + what);
    }
}
