package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * The HPC daemons asked for ({@code hpcDaemons}) started on the new primary, not enabled at boot: TEAL (teal,
 * teal_ll), CNM (cnmd; AIX {@code chnwm -a}), LoadLeveler ({@code llctl start}), GPFS ({@code mmstartup}). None
 * asked for: SKIPPED (CNM, for one, must wait until the hardware connections exist).
 */
final class StartHpcDaemonsStep extends AbstractStep {
    static final String ID = "start-hpc-daemons";
    private static final String GPFS = "/usr/lpp/mmfs/bin/";
    private final FailoverOptions options;

    StartHpcDaemonsStep(FailoverOptions options) {
        super(ID, "The HPC daemons asked for started on the standby", HostScope.STANDBY, PreflightStep.ID,
                StartXcatdStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (options.hpcDaemonsToStart().isEmpty()) {
            return Outcome.skipped("no HPC daemons asked for (" + options.vocabulary().name("hpcDaemons")
                    + " not given): start them when their prerequisites are there (CNM after the hardware connections)");
        }
        Node standby = context.standby();
        Platform platform = NodeCommands.platform(context, standby);
        List<String> changes = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String id : options.hpcDaemonsToStart()) {
            String failure;
            switch (id) {
                case "teal":
                    failure = services(context, standby, platform, "TEAL", List.of("teal", "teal_ll"), null, changes, unchanged, absent);
                    break;
                case "cnm":
                    failure = services(context, standby, platform, "CNM", List.of("cnmd", "cnm"),
                            platform.os() == OsFamily.AIX ? NodeCommands.tool("chnwm", "-a") : null, changes, unchanged, absent);
                    break;
                case "loadl":
                    failure = services(context, standby, platform, "LoadLeveler", List.of("LoadL", "loadl"),
                            NodeCommands.tool("llctl", "start"), changes, unchanged, absent);
                    break;
                default:
                    failure = gpfs(context, standby, changes, unchanged, absent);
                    break;
            }
            if (failure != null) {
                return Outcome.failed("standby " + standby.name() + ": " + failure);
            }
        }
        List<String> all = new ArrayList<>(changes);
        all.addAll(unchanged);
        if (!absent.isEmpty()) {
            all.add("not installed: " + String.join(", ", absent));
        }
        String message = "standby " + standby.name() + ": " + String.join("; ", all);
        return changes.isEmpty() ? Outcome.ok(message) : Outcome.changed(message);
    }

    private static String services(StepContext context, Node node, Platform platform, String product, List<String> names,
                                   Command ownStart, List<String> changes, List<String> unchanged, List<String> absent)
            throws ShellException, InterruptedException {
        boolean any = false;
        for (ServiceState s : platform.services().states(NodeCommands.exec(context, node), names)) {
            if (!s.installed()) {
                continue;
            }
            any = true;
            if (s.running()) {
                unchanged.add(product + ": " + s.name() + " runs");
            } else {
                List<Command> start = ownStart != null ? List.of(ownStart) : platform.services().startCommands(s);
                if (context.checkMode()) {
                    changes.add(product + ": would start " + s.name() + " (`" + NodeCommands.shown(start.get(0)) + "`)");
                } else {
                    for (Command c : start) {
                        CommandResult r = context.run(node, c);
                        if (r.exitCode() != 0) {
                            return product + ": `" + NodeCommands.shown(c) + "` failed (exit " + r.exitCode() + ": "
                                    + NodeCommands.firstLine(r) + "). " + platform.services().hint(s.name());
                        }
                    }
                    changes.add(product + ": started " + s.name());
                }
            }
            if (ownStart != null) {
                break;
            }
        }
        if (!any) {
            absent.add(product);
        }
        return null;
    }

    private static String gpfs(StepContext context, Node node, List<String> changes, List<String> unchanged,
                               List<String> absent) throws ShellException, InterruptedException {
        CommandResult state = context.run(node, Command.shell("[ -x " + GPFS + "mmgetstate ] || exit 3; " + GPFS + "mmgetstate"));
        if (state.exitCode() == 3) {
            absent.add("GPFS");
            return null;
        }
        if (state.stdout().lines().anyMatch(l -> l.strip().endsWith("active"))) {
            unchanged.add("GPFS: active");
            return null;
        }
        if (context.checkMode()) {
            changes.add("GPFS: would start it (`mmstartup`)");
            return null;
        }
        CommandResult r = context.run(node, Command.of(GPFS + "mmstartup"));
        if (r.exitCode() != 0) {
            return "GPFS: `mmstartup` failed (exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")";
        }
        changes.add("GPFS: started (`mmstartup`)");
        return null;
    }
}
