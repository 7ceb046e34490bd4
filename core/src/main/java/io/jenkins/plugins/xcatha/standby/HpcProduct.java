package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IBM HPC product whose daemons a standby must not run (xcat-facts 6.5), each stopped and kept from
 * starting at boot with its own tool. {@link #shutDown} returns null when the product is not installed.
 */
public interface HpcProduct {

    /** The hpcDaemons name: teal, cnm, loadl, gpfs. */
    String id();

    String displayName();

    List<ServiceShutdown.Result> shutDown(StepContext context, Node node, Platform platform)
            throws ShellException, InterruptedException;

    static HpcProduct named(String id) {
        switch (id.toLowerCase(Locale.ROOT)) {
            case "teal":
                return new Teal();
            case "cnm":
                return new Cnm();
            case "loadl":
                return new LoadLeveler();
            case "gpfs":
                return new Gpfs();
            default:
                throw new IllegalArgumentException("unknown HPC daemon " + id);
        }
    }

    /** Shuts down every installed service of {@code names} through the platform; null if none is installed. */
    static List<ServiceShutdown.Result> services(StepContext context, Node node, Platform platform, List<String> names,
                                                 List<Command> ownStop) throws ShellException, InterruptedException {
        CommandRunner exec = NodeCommands.exec(context, node);
        List<ServiceShutdown.Result> results = new ArrayList<>();
        for (ServiceState state : platform.services().states(exec, names)) {
            if (state.installed()) {
                List<Command> stop = ownStop == null ? platform.services().stopCommands(state) : ownStop;
                results.add(ServiceShutdown.stopAndDisable(context, node, platform.services(), state, stop));
                if (ownStop != null) {
                    break;
                }
            }
        }
        return results.isEmpty() ? null : results;
    }

    /** TEAL: the teal and teal_ll services (AIX: SRC subsystems with inittab entries). */
    final class Teal implements HpcProduct {
        public String id() {
            return "teal";
        }

        public String displayName() {
            return "TEAL";
        }

        public List<ServiceShutdown.Result> shutDown(StepContext context, Node node, Platform platform)
                throws ShellException, InterruptedException {
            return services(context, node, platform, List.of("teal", "teal_ll"), null);
        }
    }

    /** CNM: cnmd (the docs also say cnm); on AIX stopped with {@code chnwm -d}, its inittab entry set off. */
    final class Cnm implements HpcProduct {
        public String id() {
            return "cnm";
        }

        public String displayName() {
            return "CNM";
        }

        public List<ServiceShutdown.Result> shutDown(StepContext context, Node node, Platform platform)
                throws ShellException, InterruptedException {
            List<Command> stop = platform.os() == OsFamily.AIX ? List.of(NodeCommands.tool("chnwm", "-d")) : null;
            return services(context, node, platform, List.of("cnmd", "cnm"), stop);
        }
    }

    /** LoadLeveler: {@code llctl stop}, and the LoadL service kept from starting at boot. */
    final class LoadLeveler implements HpcProduct {
        public String id() {
            return "loadl";
        }

        public String displayName() {
            return "LoadLeveler";
        }

        public List<ServiceShutdown.Result> shutDown(StepContext context, Node node, Platform platform)
                throws ShellException, InterruptedException {
            CommandResult llctl = context.run(node, NodeCommands.tool("sh", "-c", "command -v llctl"));
            if (llctl.exitCode() != 0) {
                return null;
            }
            return services(context, node, platform, List.of("LoadL", "loadl"),
                    List.of(NodeCommands.tool("llctl", "stop")));
        }
    }

    /** GPFS: {@code mmshutdown} and {@code mmchconfig autoload=no}, read with mmgetstate and mmlsconfig. */
    final class Gpfs implements HpcProduct {
        private static final String BIN = "/usr/lpp/mmfs/bin/";
        private static final int NOT_INSTALLED = 3;
        /** Whether GPFS is installed, its state on this node and its autoload setting, in one round trip. */
        private static final String PROBE = "[ -x " + BIN + "mmgetstate ] || exit " + NOT_INSTALLED + "; "
                + BIN + "mmgetstate; " + BIN + "mmlsconfig autoload; true";

        public String id() {
            return "gpfs";
        }

        public String displayName() {
            return "GPFS";
        }

        public List<ServiceShutdown.Result> shutDown(StepContext context, Node node, Platform platform)
                throws ShellException, InterruptedException {
            CommandResult probe = context.run(node, Command.shell(PROBE));
            if (probe.exitCode() == NOT_INSTALLED) {
                return null;
            }
            List<ServiceShutdown.Result> results = new ArrayList<>(List.of(daemon(context, node, probe.stdout())));
            // GPFS starts at boot if autoload=yes, from its own boot service (SysV gpfs, systemd gpfs/mmautoload,
            // AIX inittab): where that service is enabled in its own right it is disabled too.
            if (!results.get(0).failed()) {
                CommandRunner exec = NodeCommands.exec(context, node);
                for (ServiceState boot : platform.services().states(exec, List.of("gpfs"))) {
                    if (boot.installed() && boot.enabledAtBoot()) {
                        results.add(ServiceShutdown.stopAndDisable(context, node, platform.services(), boot, List.of()));
                    }
                }
            }
            return results;
        }

        private static ServiceShutdown.Result daemon(StepContext context, Node node, String probe)
                throws ShellException, InterruptedException {
            boolean running = running(probe);
            boolean autoload = autoload(probe);
            List<Command> actions = new ArrayList<>();
            if (running) {
                actions.add(Command.of(BIN + "mmshutdown"));
            }
            if (autoload) {
                actions.add(Command.of(BIN + "mmchconfig", "autoload=no"));
            }
            if (actions.isEmpty()) {
                return new ServiceShutdown.Result(null, "gpfs already down, autoload=no", null);
            }
            List<String> shown = new ArrayList<>();
            actions.forEach(c -> shown.add("`" + NodeCommands.shown(c) + "`"));
            String state = (running ? "active" : "down") + ", autoload=" + (autoload ? "yes" : "no");
            if (context.checkMode()) {
                return new ServiceShutdown.Result("would stop gpfs (" + state + "): " + String.join(", ", shown), null, null);
            }
            for (Command c : actions) {
                CommandResult r = context.run(node, c);
                if (r.exitCode() != 0) {
                    return new ServiceShutdown.Result(null, null, node.label() + ": `" + NodeCommands.shown(c)
                            + "` failed (exit " + r.exitCode() + ": " + NodeCommands.firstLine(r)
                            + "). Check with `mmgetstate -L` and `mmlsconfig autoload`.");
                }
            }
            String after = context.run(node, Command.shell(PROBE)).stdout();
            if (running(after) || autoload(after)) {
                return new ServiceShutdown.Result(null, null, node.label() + ": GPFS is still active or"
                        + " autoloads after " + String.join(", ", shown) + ". Check with `mmgetstate -L`.");
            }
            return new ServiceShutdown.Result("stopped gpfs and set autoload=no (" + String.join(", ", shown) + ")",
                    null, null);
        }

        private static boolean running(String probe) {
            String state = "";
            for (String line : probe.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 3 && f[0].matches("\\d+")) {
                    state = f[f.length - 1];
                }
            }
            return state.equals("active") || state.equals("arbitrating");
        }

        private static boolean autoload(String probe) {
            return probe.lines().anyMatch(l -> l.strip().matches("autoload\\s+yes.*"));
        }
    }
}
