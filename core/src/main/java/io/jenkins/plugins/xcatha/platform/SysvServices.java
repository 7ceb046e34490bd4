package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SysV init as the xCAT HA docs use it: {@code service NAME stop} and {@code chkconfig --level LEVELS NAME
 * off}. The levels turned off are those {@code chkconfig --list} shows on among 2 to 5 (xcatd installs
 * with 345, dhcpd with 2345), so a re-run finds nothing left to do.
 */
public final class SysvServices implements ServiceManager {
    private static final Pattern LEVEL = Pattern.compile("\\b([0-6]):(on|off)\\b");

    @Override
    public String id() {
        return "SysV";
    }

    @Override
    public ServiceState state(CommandRunner node, String service) throws ShellException, InterruptedException {
        CommandResult list = node.run(Command.of("chkconfig", "--list", service));
        if (list.exitCode() != 0 || !list.stdout().strip().startsWith(service)) {
            return ServiceState.notInstalled(service);
        }
        Set<Integer> levels = new TreeSet<>();
        Matcher m = LEVEL.matcher(list.stdout());
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            if (m.group(2).equals("on") && level >= 2 && level <= 5) {
                levels.add(level);
            }
        }
        CommandResult status = node.run(Command.of("service", service, "status"));
        return new ServiceState(service, true, status.exitCode() == 0, !levels.isEmpty(), levels, null);
    }

    @Override
    public List<Command> startCommands(ServiceState state) {
        return List.of(Command.of("service", state.name(), "start"));
    }

    @Override
    public List<Command> stopCommands(ServiceState state) {
        return state.running() ? List.of(Command.of("service", state.name(), "stop")) : List.of();
    }

    @Override
    public List<Command> disableCommands(ServiceState state) {
        if (state.bootLevels().isEmpty()) {
            return List.of();
        }
        StringBuilder levels = new StringBuilder();
        state.bootLevels().forEach(levels::append);
        return List.of(Command.of("chkconfig", "--level", levels.toString(), state.name(), "off"));
    }

    @Override
    public String hint(String service) {
        return "Check with `service " + service + " status` and `chkconfig --list " + service + "`.";
    }
}
