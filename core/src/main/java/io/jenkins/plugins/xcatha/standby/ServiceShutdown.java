package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.ServiceManager;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops one service and keeps it from starting at boot, the Ansible way: read its state, act only on what
 * differs, read again to prove it. In check mode it only says what it would run.
 */
public final class ServiceShutdown {
    /** What happened to one service: a change (or "would"), nothing to do, or a failure to report. */
    public record Result(String change, String unchanged, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private ServiceShutdown() {
    }

    public static Result stopAndDisable(StepContext context, Node node, ServiceManager services, ServiceState state)
            throws ShellException, InterruptedException {
        return stopAndDisable(context, node, services, state, services.stopCommands(state));
    }

    /** As above with the product's own stop commands (llctl stop, mmshutdown, chnwm -d). */
    public static Result stopAndDisable(StepContext context, Node node, ServiceManager services, ServiceState state,
                                 List<Command> stop) throws ShellException, InterruptedException {
        String name = state.name();
        List<Command> actions = new ArrayList<>(state.running() ? stop : List.of());
        actions.addAll(services.disableCommands(state));
        if (actions.isEmpty()) {
            return new Result(null, name + " already stopped and disabled", null);
        }
        List<String> shown = new ArrayList<>();
        for (Command c : actions) {
            shown.add("`" + NodeCommands.shown(c) + "`");
        }
        if (context.checkMode()) {
            return new Result("would stop and disable " + name + " (" + state.describe() + "): "
                    + String.join(", ", shown), null, null);
        }
        for (Command c : actions) {
            CommandResult r = context.run(node, c);
            if (r.exitCode() != 0) {
                return new Result(null, null, node.label() + ": `" + NodeCommands.shown(c) + "` failed (exit "
                        + r.exitCode() + ": " + NodeCommands.firstLine(r) + "). " + services.hint(name));
            }
        }
        CommandRunner exec = NodeCommands.exec(context, node);
        ServiceState after = services.state(exec, name);
        if (after.running() || after.enabledAtBoot()) {
            return new Result(null, null, node.label() + ": " + name + " is still " + after.describe() + " after "
                    + String.join(", ", shown) + ". " + services.hint(name));
        }
        return new Result("stopped and disabled " + name + " (" + String.join(", ", shown) + ")", null, null);
    }
}
