package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** systemd: {@code systemctl show} to read, {@code systemctl stop} and {@code systemctl disable} to act. */
public final class SystemdServices implements ServiceManager {
    private static final Set<String> ENABLED = Set.of("enabled", "enabled-runtime", "linked", "linked-runtime");

    @Override
    public String id() {
        return "systemd";
    }

    @Override
    public ServiceState state(NodeExec node, String service) throws ShellException, InterruptedException {
        CommandResult r = node.run(Command.of("systemctl", "show",
                "--property=LoadState,ActiveState,UnitFileState", service));
        Map<String, String> props = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        String load = props.getOrDefault("LoadState", "");
        if (r.exitCode() != 0 || load.isEmpty() || load.equals("not-found")) {
            return ServiceState.notInstalled(service);
        }
        String active = props.getOrDefault("ActiveState", "");
        boolean running = active.equals("active") || active.equals("activating") || active.equals("reloading");
        boolean enabled = ENABLED.contains(props.getOrDefault("UnitFileState", ""));
        return new ServiceState(service, true, running, enabled, Set.of(), null);
    }

    @Override
    public List<Command> startCommands(ServiceState state) {
        return List.of(Command.of("systemctl", "start", state.name()));
    }

    @Override
    public List<Command> stopCommands(ServiceState state) {
        return state.running() ? List.of(Command.of("systemctl", "stop", state.name())) : List.of();
    }

    @Override
    public List<Command> disableCommands(ServiceState state) {
        return state.enabledAtBoot() ? List.of(Command.of("systemctl", "disable", state.name())) : List.of();
    }

    @Override
    public String hint(String service) {
        return "Check the unit with `systemctl status " + service + "` and `systemctl list-unit-files "
                + service + "*`.";
    }
}
