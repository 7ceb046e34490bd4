package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.RemoteFiles;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.HostLookup;
import java.util.List;
import java.util.Set;

/** The commands several steps share, each recorded in the running step's report. */
public final class NodeCommands {
    /**
     * A non-interactive SSH session does not read the profile that puts xCAT, GPFS and the sbin directories
     * on PATH; they are appended (never prepended), and XCATBYPASS is cleared so that xCAT clients always
     * talk to xcatd.
     */
    private static final String WITH_TOOLS_ON_PATH = "PATH=$PATH:/opt/xcat/bin:/opt/xcat/sbin:/usr/sbin:/sbin"
            + ":/usr/lpp/mmfs/bin; export PATH; unset XCATBYPASS; exec \"$@\"";
    private static final String XCATBYPASS = "PATH=$PATH:/opt/xcat/bin:/opt/xcat/sbin; export PATH; "
            + "XCATBYPASS=1; export XCATBYPASS; exec \"$@\"";

    /**
     * The public host keys of the node's sshd: the HostKey files its configuration names (sshd_config, or a
     * configuration of its own in a directory under /etc/ssh), else the default key files.
     */
    static final String HOST_KEYS = "keys=$(for c in /etc/ssh/sshd_config /etc/ssh/*/sshd_config; do "
            + "[ -f \"$c\" ] && sed -n 's/^[[:space:]]*[Hh][Oo][Ss][Tt][Kk][Ee][Yy][[:space:]][[:space:]]*\\([^[:space:]]*\\).*/\\1/p' \"$c\"; "
            + "done); [ -n \"$keys\" ] || keys='/etc/ssh/ssh_host_rsa_key /etc/ssh/ssh_host_ecdsa_key "
            + "/etc/ssh/ssh_host_ed25519_key'; for k in $keys; do [ -f \"$k.pub\" ] && cat \"$k.pub\"; done; true";

    private NodeCommands() {
    }

    public static CommandRunner exec(StepContext context, Node node) {
        return command -> context.run(node, command);
    }

    /** Files on the node, read and put through the step's recording runner. */
    public static RemoteFiles files(StepContext context, Node node) {
        return new RemoteFiles(node.name(), exec(context, node));
    }

    /** Why a file could not be put: a failed command is the step's failure, an abort or lost node is not. */
    static String writeFailure(ShellException e) throws ShellException {
        if (e.phase() != ShellException.Phase.COMMAND) {
            throw e;
        }
        return e.getMessage();
    }

    /** Runs a tool found on the administrator's PATH (xCAT, GPFS, sbin). */
    public static Command tool(String... argv) {
        return Command.shell(WITH_TOOLS_ON_PATH, argv);
    }

    /** An xCAT client that reads the database directly, without xcatd (never a liveness probe). */
    public static Command bypassingXcatd(String... argv) {
        return Command.shell(XCATBYPASS, argv);
    }

    public static Platform platform(StepContext context, Node node) {
        return context.facts().get(node.role(), StandbyFacts.PLATFORM)
                .orElseThrow(() -> new IllegalStateException("preflight did not detect the platform of "
                        + node.label()));
    }

    public static NodeIdentity identity(StepContext context, Node node) {
        return context.facts().get(node.role(), StandbyFacts.IDENTITY)
                .orElseThrow(() -> new IllegalStateException("preflight did not learn who " + node.label() + " is"));
    }

    /** The DHCP servers xCAT may run on a node of this OS (xcat-facts 6.2), in the order they are looked for. */
    public static java.util.List<String> dhcpServices(OsFamily os) {
        return os == OsFamily.AIX ? StopXcatServicesStep.AIX_DHCP : StopXcatServicesStep.LINUX_DHCP;
    }

    static Node other(StepContext context, Node node) {
        return node.role() == Node.Role.PRIMARY ? context.standby() : context.primary();
    }


    /** What {@code name} resolves to on the node: {@code getent hosts} on Linux, {@code host} on AIX. */
    public static Set<String> resolve(StepContext context, Node node, OsFamily os, String name)
            throws ShellException, InterruptedException {
        CommandResult r = context.run(node, lookupCommand(os, name));
        return r.exitCode() == 0 ? HostLookup.parse(r.stdout()) : Set.of();
    }

    public static Command lookupCommand(OsFamily os, String name) {
        return os == OsFamily.AIX ? tool("host", name) : Command.of("getent", "hosts", name);
    }

    /** The argv after the PATH wrapper, for messages: "systemctl stop xcatd". */
    public static String shown(Command command) {
        List<String> argv = command.argv();
        if (argv.size() > 4 && argv.get(0).equals("sh") && argv.get(1).equals("-c")
                && argv.get(2).startsWith("PATH=")) {
            return String.join(" ", argv.subList(4, argv.size()));
        }
        if (argv.size() > 2 && argv.get(0).equals("sh") && argv.get(1).equals("-c")) {
            return "(script) " + String.join(" ", argv.subList(Math.min(4, argv.size()), argv.size()));
        }
        return String.join(" ", argv);
    }


    /** First line of the output, for messages that must stay one line. */
    public static String firstLine(CommandResult r) {
        String out = r.combinedOutput();
        if (out.isBlank()) {
            return "no output";
        }
        return out.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
