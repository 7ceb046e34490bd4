package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import java.util.List;

/**
 * "If shared disks are used between the two management nodes, when setting up the standby management
 * node, the shared disks should not be mounted on the standby management node."
 */
final class SharedDataStep extends AbstractStep {
    static final String ID = "shared-data";
    private final StandbyPrepareOptions options;

    SharedDataStep(StandbyPrepareOptions options) {
        super(ID, "The shared directories are not mounted on the standby", HostScope.STANDBY, PreflightStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        Platform platform = NodeCommands.platform(context, standby);
        DatabaseEngine engine = context.facts().get(Node.Role.STANDBY, StandbyFacts.ENGINE).orElse(null);
        List<String> dirs = SharedDirectories.on(options, platform.os(), engine,
                context.facts().get(StandbyFacts.DATABASE_LOCATION).orElse(null));
        CommandResult r = context.run(standby, NodeCommands.tool("mount"));
        if (r.exitCode() != 0) {
            return Outcome.failed("could not read the mount table of standby " + standby.name() + " (`mount` exit "
                    + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
        }
        List<String> mounted = SharedDirectories.mounted(MountTable.parse(r.stdout()), dirs);
        if (!mounted.isEmpty()) {
            return Outcome.failed("standby " + standby.name() + " has shared data mounted: "
                    + String.join(", ", mounted) + ". Unmount it on the standby and keep it out of /etc/fstab"
                    + " (only the active management node mounts the shared data)");
        }
        return Outcome.ok("none of " + String.join(", ", dirs) + " is mounted on standby " + standby.name());
    }
}
