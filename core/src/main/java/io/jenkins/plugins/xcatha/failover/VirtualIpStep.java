package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.xcat.InterfaceAddresses;

/**
 * The virtual IP answers nowhere, then it is configured on the standby's interface as a non-persistent alias
 * (Linux {@code ip addr add ... label NIC:0}, AIX {@code ifconfig NIC ADDR netmask MASK alias}): refused while
 * anything answers on it, as xCAT's activate-mn refuses (exit 2), and checked with ARP duplicate address detection
 * where Linux has arping; on Linux then announced with unsolicited ARP, so that the neighbours forget the old
 * primary's MAC address for it.
 */
final class VirtualIpStep extends AbstractStep {
    static final String ID = "virtual-ip";
    private final FailoverOptions options;

    VirtualIpStep(FailoverOptions options) {
        super(ID, "The virtual IP answers nowhere, then is configured on the standby", HostScope.STANDBY,
                PreflightStep.ID, DeactivatePrimaryStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        OsFamily os = NodeCommands.platform(context, standby).os();
        String vip = options.virtualAddress();
        if (carries(context, standby, os, vip)) {
            return Outcome.ok("standby " + standby.name() + " already carries the virtual IP " + vip);
        }
        Command add = os == OsFamily.AIX
                ? NodeCommands.tool("ifconfig", options.interfaceName(), vip, "netmask", options.netmask(), "alias")
                : NodeCommands.tool("ip", "addr", "add", options.virtualIp(), "dev", options.interfaceName(), "label",
                        options.interfaceName() + ":0");
        if (context.checkMode() && options.planned()) {
            return Outcome.changed("would configure the virtual IP " + options.virtualIp() + " on standby "
                    + standby.name() + " (`" + NodeCommands.shown(add) + "`), once deactivate-primary has removed it from"
                    + " old primary " + context.primary().name() + " and it answers nowhere");
        }
        Outcome refused = OldPrimary.stillActive(context, options, "configure the virtual IP");
        if (refused != null) {
            return refused;
        }
        CommandResult ping = context.run(standby, OldPrimary.ping(os, vip));
        if (ping.exitCode() == 0) {
            return Outcome.failed("refused: something answers on the virtual IP " + vip + " (`ping` from standby "
                    + standby.name() + ": " + received(ping) + "); configuring it here would make two hosts claim it."
                    + " Find who holds it (`arping -I " + options.interfaceName() + " " + vip + "` shows its MAC address)"
                    + " and remove it there; nothing was changed");
        }
        if (os == OsFamily.LINUX) {
            CommandResult dad = context.run(standby, NodeCommands.tool("sh", "-c", "command -v arping >/dev/null || exit 99; "
                    + "arping -D -c 2 -w 3 -I \"$0\" \"$1\"", options.interfaceName(), vip));
            if (dad.exitCode() == 1) {
                return Outcome.failed("refused: a host on the network of " + options.interfaceName() + " claims the virtual"
                        + " IP " + vip + " (ARP duplicate address detection, `arping -D`: " + NodeCommands.firstLine(dad)
                        + "); remove it there first; nothing was changed");
            }
        }
        if (context.checkMode()) {
            return Outcome.changed("would configure the virtual IP " + options.virtualIp() + " on standby "
                    + standby.name() + " (`" + NodeCommands.shown(add) + "`): nothing answers on it");
        }
        CommandResult r = context.run(standby, add);
        if (r.exitCode() != 0) {
            return Outcome.failed("standby " + standby.name() + ": `" + NodeCommands.shown(add) + "` failed (exit "
                    + r.exitCode() + ": " + NodeCommands.firstLine(r) + "); check the interface name ("
                    + options.vocabulary().name("interface") + ")");
        }
        context.run(standby, Command.shell("rm -f " + NetworkServicesStep.MARKER));
        if (!carries(context, standby, os, vip)) {
            return Outcome.failed("standby " + standby.name() + ": the virtual IP " + vip + " does not show on its"
                    + " interfaces after `" + NodeCommands.shown(add) + "`");
        }
        String configured = "configured the virtual IP " + options.virtualIp() + " on " + options.interfaceName()
                + " of standby " + standby.name() + " (not persistent: after a reboot the shared data is mounted first);"
                + " nothing answered on it before";
        if (os == OsFamily.LINUX) {
            String unannounced = announce(context, standby, vip);
            if (unannounced != null) {
                return Outcome.warning(configured + "; but " + unannounced);
            }
            return Outcome.changed(configured + "; announced with gratuitous ARP (`arping -U -c 3 -I "
                    + options.interfaceName() + " " + vip + "`)");
        }
        return Outcome.changed(configured);
    }

    /**
     * Linux does not announce an address added with {@code ip addr add}: the compute nodes and the switch would keep
     * the old primary's MAC address for the virtual IP until their ARP entries expire. Unsolicited ARP replaces it at
     * once, as HA managers do. AIX announces an alias itself.
     *
     * @return why the neighbours were not told, or null when they were
     */
    private String announce(StepContext context, Node standby, String vip) throws ShellException, InterruptedException {
        CommandResult r = context.run(standby, announcement(vip));
        if (r.exitCode() == 0) {
            return null;
        }
        String how = "`arping -U -c 3 -I " + options.interfaceName() + " " + vip + "` (iputils)";
        if (r.exitCode() == 99) {
            return "no arping on standby " + standby.name() + " to announce it: the compute nodes may keep the old"
                    + " primary's MAC address for it until their ARP entries expire; install arping (iputils) and run "
                    + how;
        }
        return "announcing it with gratuitous ARP failed (exit " + r.exitCode() + ": " + NodeCommands.firstLine(r)
                + "): the compute nodes may keep the old primary's MAC address for it until their ARP entries expire;"
                + " run " + how;
    }

    private Command announcement(String vip) {
        return NodeCommands.tool("sh", "-c", "command -v arping >/dev/null || exit 99; arping -q -U -c 3 -I \"$0\""
                + " \"$1\"", options.interfaceName(), vip);
    }

    static boolean carries(StepContext context, Node node, OsFamily os, String vip) throws ShellException, InterruptedException {
        Command list = os == OsFamily.AIX ? NodeCommands.tool("ifconfig", "-a") : NodeCommands.tool("ip", "-o", "addr", "show");
        CommandResult r = context.run(node, list);
        if (r.exitCode() != 0) {
            throw new ShellException(node.name(), ShellException.Phase.COMMAND, "could not list the interfaces of "
                    + node.label() + " (`" + NodeCommands.shown(list) + "` exit " + r.exitCode() + ": "
                    + NodeCommands.firstLine(r) + ")");
        }
        return InterfaceAddresses.parse(r.stdout()).interfaceOf(vip) != null;
    }

    private static String received(CommandResult ping) {
        return ping.stdout().lines().filter(l -> l.contains("received")).findFirst().orElse("it replied").strip();
    }
}
