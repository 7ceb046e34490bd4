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
import io.jenkins.plugins.xcatha.standby.HpcProduct;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.standby.NodeProbe;
import io.jenkins.plugins.xcatha.standby.ServiceShutdown;
import io.jenkins.plugins.xcatha.standby.StandbyFacts;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.InterfaceAddresses;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Planned failover: the old primary is taken down first, in the order of the HA docs and xCAT's deactivate-mn:
 * conserver, DHCP, the HPC daemons, xcatd and the database server stopped and kept from starting at boot, the NFS
 * exports withdrawn ({@code exportfs -ua}), the shared data unmounted (a busy directory names its holders, found
 * with {@code fuser}, and is never lazily unmounted), the virtual IP removed. Each part is read first and done only
 * where needed. Unplanned: SKIPPED, nothing is run on a node stated down.
 */
final class DeactivatePrimaryStep extends AbstractStep {
    static final String ID = "deactivate-primary";
    private final FailoverOptions options;

    DeactivatePrimaryStep(FailoverOptions options) {
        super(ID, "The old primary deactivated: services stopped and disabled, exports withdrawn, shared data"
                + " unmounted, virtual IP removed", HostScope.PRIMARY, PreflightStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node primary = context.primary();
        if (!options.planned()) {
            return Outcome.skipped("unplanned failover: old primary " + primary.name() + " is stated down ("
                    + options.vocabulary().enabled("primaryDown") + "); nothing is run on it");
        }
        Platform platform = NodeCommands.platform(context, primary);
        List<String> changes = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();

        List<String> services = new ArrayList<>(List.of("conserver", "goconserver"));
        services.addAll(NodeCommands.dhcpServices(platform.os()));
        Outcome failed = shutDown(context, primary, platform, services, changes, unchanged);
        if (failed != null) {
            return failed;
        }
        for (String id : options.standbyOptions().hpcDaemons()) {
            HpcProduct product = HpcProduct.named(id);
            List<ServiceShutdown.Result> results = product.shutDown(context, primary, platform);
            if (results == null) {
                continue;
            }
            for (ServiceShutdown.Result r : results) {
                if (r.failed()) {
                    return failure(changes, r.failure());
                }
                if (r.change() != null) {
                    changes.add(product.displayName() + ": " + r.change());
                }
            }
        }
        DatabaseEngine engine = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElse(DatabaseEngine.SQLITE);
        List<String> last = new ArrayList<>(List.of("xcatd"));
        last.addAll(DatabaseServer.services(engine));
        failed = shutDown(context, primary, platform, last, changes, unchanged);
        if (failed != null) {
            return failed;
        }
        if (engine == DatabaseEngine.DB2) {
            failed = shutDownDb2(context, primary, changes, unchanged);
            if (failed != null) {
                return failed;
            }
        }

        CommandResult exports = context.run(primary, NodeCommands.tool("exportfs"));
        if (exports.exitCode() == 0 && !exports.stdout().isBlank()) {
            Command unexport = NodeCommands.tool("exportfs", "-ua");
            if (context.checkMode()) {
                changes.add("would withdraw the NFS exports (`exportfs -ua`)");
            } else {
                CommandResult r = context.run(primary, unexport);
                if (r.exitCode() != 0) {
                    return failure(changes, "old primary " + primary.name() + ": `exportfs -ua` failed (exit "
                            + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
                }
                changes.add("withdrew the NFS exports (`exportfs -ua`)");
            }
        } else {
            unchanged.add("nothing exported");
        }

        NodeProbe probe = NodeProbe.run(context, primary);
        List<String> mounted = new ArrayList<>();
        for (String entry : OldPrimary.mountedShared(context, options, primary, probe.mounts())) {
            mounted.add(entry.substring(0, entry.indexOf(" (")));
        }
        Collections.reverse(mounted);
        if (mounted.isEmpty()) {
            unchanged.add("no shared data mounted");
        } else if (context.checkMode()) {
            changes.add("would unmount " + String.join(", ", mounted));
        } else {
            for (String dir : mounted) {
                CommandResult r = context.run(primary, NodeCommands.tool("umount", dir));
                if (r.exitCode() != 0) {
                    return failure(changes, "old primary " + primary.name() + ": `umount " + dir + "` failed (exit "
                            + r.exitCode() + ": " + NodeCommands.firstLine(r) + "); " + holders(context, primary,
                            platform.os(), dir) + ". Stop them (or wait for them to end), then run the failover again:"
                            + " it continues where it stopped");
                }
            }
            changes.add("unmounted " + String.join(", ", mounted));
        }

        String group = platform.os() == OsFamily.AIX ? options.sharedVolumeGroup().orElse(null) : null;
        if (group != null) {
            failed = varyOff(context, primary, group, changes, unchanged);
            if (failed != null) {
                return failed;
            }
        }

        String vip = options.virtualAddress();
        if (probe.identity().addresses().contains(vip)) {
            Command remove = removeVip(platform.os(), probeInterfaces(context, primary, platform.os()), vip);
            if (context.checkMode()) {
                changes.add("would remove the virtual IP " + vip + " (`" + NodeCommands.shown(remove) + "`)");
            } else {
                CommandResult r = context.run(primary, remove);
                if (r.exitCode() != 0) {
                    return failure(changes, "old primary " + primary.name() + ": `" + NodeCommands.shown(remove)
                            + "` failed (exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
                }
                changes.add("removed the virtual IP " + vip);
            }
        } else {
            unchanged.add("virtual IP " + vip + " not on it");
        }
        if (!context.checkMode()) {
            context.run(primary, Command.shell("rm -f " + NetworkServicesStep.MARKER));
        }
        String where = "old primary " + primary.name() + " (" + platform.services().id() + "): ";
        if (changes.isEmpty()) {
            return Outcome.ok(where + "already deactivated: " + String.join("; ", unchanged));
        }
        List<String> all = new ArrayList<>(changes);
        all.addAll(unchanged);
        return Outcome.changed(where + String.join("; ", all));
    }

    private static Outcome shutDown(StepContext context, Node node, Platform platform, List<String> names,
                                    List<String> changes, List<String> unchanged) throws ShellException, InterruptedException {
        for (ServiceState s : platform.services().states(NodeCommands.exec(context, node), names)) {
            if (!s.installed()) {
                continue;
            }
            ServiceShutdown.Result r = ServiceShutdown.stopAndDisable(context, node, platform.services(), s);
            if (r.failed()) {
                return failure(changes, r.failure());
            }
            if (r.change() != null) {
                changes.add(r.change());
            } else {
                unchanged.add(r.unchanged());
            }
        }
        return null;
    }

    /** DB2: the instance stopped ({@code db2gcf -d}) and kept from starting at boot ({@code db2iauto -off}). */
    private static Outcome shutDownDb2(StepContext context, Node node, List<String> changes, List<String> unchanged)
            throws ShellException, InterruptedException {
        Db2Instance db2 = Db2Instance.read(context, node);
        if (db2 == null) {
            unchanged.add("no DB2 installation found under /opt/ibm/db2 or /opt/IBM/db2");
            return null;
        }
        List<Command> actions = new ArrayList<>();
        if (db2.running()) {
            actions.add(db2.stop());
        }
        if (db2.autostart()) {
            actions.add(db2.disableAutostart());
        }
        if (actions.isEmpty()) {
            unchanged.add(db2.describe());
            return null;
        }
        List<String> shown = new ArrayList<>();
        actions.forEach(c -> shown.add("`" + NodeCommands.shown(c) + "`"));
        if (context.checkMode()) {
            changes.add("would stop the " + db2.describe() + ": " + String.join(", ", shown));
            return null;
        }
        for (Command c : actions) {
            CommandResult r = context.run(node, c);
            if (r.exitCode() != 0) {
                return failure(changes, node.label() + ": `" + NodeCommands.shown(c) + "` failed (exit " + r.exitCode()
                        + ": " + NodeCommands.firstLine(r) + ")");
            }
        }
        Db2Instance after = Db2Instance.read(context, node);
        if (after != null && (after.running() || after.autostart())) {
            return failure(changes, node.label() + ": the " + after.describe() + " after " + String.join(", ", shown));
        }
        changes.add("stopped the DB2 instance " + db2.instance() + " and kept it from starting at boot ("
                + String.join(", ", shown) + ")");
        return null;
    }

    /** AIX: the shared volume group varied off once its file systems are unmounted, so that the standby can vary it on. */
    private static Outcome varyOff(StepContext context, Node node, String group, List<String> changes,
                                   List<String> unchanged) throws ShellException, InterruptedException {
        if (!SharedVolumeGroup.variedOn(context, node).contains(group)) {
            unchanged.add("volume group " + group + " not varied on");
            return null;
        }
        Command off = SharedVolumeGroup.varyOff(group);
        if (context.checkMode()) {
            changes.add("would vary off the volume group " + group + " (`" + NodeCommands.shown(off) + "`)");
            return null;
        }
        CommandResult r = context.run(node, off);
        if (r.exitCode() != 0) {
            return failure(changes, node.label() + ": `" + NodeCommands.shown(off) + "` failed (exit " + r.exitCode()
                    + ": " + NodeCommands.firstLine(r) + "); a file system on it may still be mounted (`lsvg -l " + group
                    + "` lists them); unmount it, then run the failover again");
        }
        changes.add("varied off the volume group " + group + " (`" + NodeCommands.shown(off) + "`)");
        return null;
    }

    private static Outcome failure(List<String> changes, String why) {
        List<String> all = new ArrayList<>();
        all.add(why);
        if (!changes.isEmpty()) {
            all.add("done before: " + String.join("; ", changes));
        }
        return Outcome.failed(String.join("; ", all));
    }

    /** Who holds files on a directory: fuser's holders, named (AIX: PIDs and users), or why none was found. */
    static String holders(StepContext context, Node node, OsFamily os, String dir) throws ShellException, InterruptedException {
        Command fuser = os == OsFamily.AIX ? NodeCommands.tool("fuser", "-cu", dir) : NodeCommands.tool("fuser", "-vm", dir);
        CommandResult r = context.run(node, fuser);
        List<String> holders = new ArrayList<>();
        if (os == OsFamily.AIX) {
            for (String word : r.stdout().strip().split("\\s+")) {
                if (word.matches("[0-9]+[a-z]*(\\(.*\\))?")) {
                    holders.add("PID " + word.replaceAll("^([0-9]+)[a-z]*", "$1 "));
                }
            }
        } else {
            for (String line : r.stderr().split("\n")) {
                String[] f = line.strip().split("\\s+");
                // "USER PID ACCESS COMMAND" rows; the first line of a directory starts with "DIR:"
                int i = f.length > 0 && f[0].endsWith(":") ? 1 : 0;
                if (f.length >= i + 4 && f[i + 1].matches("[0-9]+")) {
                    holders.add(f[i + 3] + " (PID " + f[i + 1] + ", " + f[i] + ")");
                }
            }
        }
        if (holders.isEmpty()) {
            return "`" + NodeCommands.shown(fuser) + "` names no process holding it (an NFS export or a mount below it?"
                    + " check `exportfs` and `mount`)";
        }
        return "it is held by " + String.join(", ", holders) + " (`" + NodeCommands.shown(fuser) + "`)";
    }

    private static String probeInterfaces(StepContext context, Node node, OsFamily os) throws ShellException, InterruptedException {
        Command list = os == OsFamily.AIX ? NodeCommands.tool("ifconfig", "-a") : NodeCommands.tool("ip", "-o", "addr", "show");
        return context.run(node, list).stdout();
    }

    /** The command that removes the virtual IP from the interface that carries it. */
    private Command removeVip(OsFamily os, String interfaces, String vip) {
        String nic = InterfaceAddresses.parse(interfaces).interfaceOf(vip);
        if (nic == null) {
            nic = options.interfaceName();
        }
        int colon = nic.indexOf(':');
        String device = colon > 0 ? nic.substring(0, colon) : nic;
        if (os == OsFamily.AIX) {
            return NodeCommands.tool("ifconfig", device, "delete", vip);
        }
        return NodeCommands.tool("ip", "addr", "del", vip + "/" + options.prefixLength(), "dev", device);
    }
}
