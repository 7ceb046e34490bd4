package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** systemd: {@code systemctl show} to read, {@code systemctl stop} and {@code systemctl disable} to act. */
public final class SystemdServices implements ServiceManager {
    private static final List<String> PROPERTIES = List.of("LoadState", "ActiveState", "UnitFileState");
    private static final Set<String> ENABLED = Set.of("enabled", "enabled-runtime", "linked", "linked-runtime");

    @Override
    public String id() {
        return "systemd";
    }

    @Override
    public ServiceState state(CommandRunner node, String service) throws ShellException, InterruptedException {
        return states(node, List.of(service)).get(0);
    }

    /** One {@code systemctl show} for every unit: a block of properties per unit, in the order asked. */
    @Override
    public List<ServiceState> states(CommandRunner node, List<String> services) throws ShellException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("systemctl", "show", "--property=" + String.join(",", PROPERTIES)));
        argv.addAll(services);
        CommandResult r = node.run(Command.of(argv));
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            // A property seen again starts the next unit's block (systemd separates them with a blank line).
            if (block.containsKey(key)) {
                blocks.add(block);
                block = new HashMap<>();
            }
            block.put(key, line.substring(eq + 1).strip());
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        if (r.exitCode() != 0 || blocks.size() != services.size()) {
            // An unknown unit is LoadState=not-found with exit 0; anything else means systemd did not answer.
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "could not read the state of "
                    + String.join(", ", services) + " (`systemctl show` exit " + r.exitCode() + "): "
                    + (r.combinedOutput().isBlank() ? "no output" : r.combinedOutput().lines().findFirst().orElse(""))
                    + ". " + hint(services.get(0)));
        }
        List<ServiceState> states = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            states.add(state(services.get(i), blocks.get(i)));
        }
        return states;
    }

    private static ServiceState state(String service, Map<String, String> props) {
        String load = props.getOrDefault("LoadState", "");
        if (load.isEmpty() || load.equals("not-found")) {
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
