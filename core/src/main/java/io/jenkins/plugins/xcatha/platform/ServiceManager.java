package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.util.ArrayList;
import java.util.List;

/**
 * How one init system reads, stops and disables a service: systemd, SysV (service/chkconfig) or the AIX
 * System Resource Controller with inittab and rc.tcpip. The commands are returned rather than run, so
 * that check mode can say exactly what it would do.
 */
public interface ServiceManager {

    /** "systemd", "SysV", "AIX SRC". */
    String id();

    ServiceState state(CommandRunner node, String service) throws ShellException, InterruptedException;

    /** The states of several services, in the order given (one round trip where the init system allows). */
    default List<ServiceState> states(CommandRunner node, List<String> services) throws ShellException, InterruptedException {
        List<ServiceState> states = new ArrayList<>();
        for (String service : services) {
            states.add(state(node, service));
        }
        return states;
    }

    /** Starts a stopped service (used only to verify a service answers, e.g. xcatd before it is stopped). */
    List<Command> startCommands(ServiceState state);

    List<Command> stopCommands(ServiceState state);

    /** Keeps the service from starting at boot; empty when it already does not. */
    List<Command> disableCommands(ServiceState state);

    /** A hint for an administrator when the service manager did not do what was asked. */
    String hint(String service);
}
