package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.InterfaceAddresses;
import io.jenkins.plugins.xcatha.xcat.LsxcatdOutput;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import io.jenkins.plugins.xcatha.xcat.SiteAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Both nodes answer; they are two different machines; OS and xCAT version are detected and equal; and the
 * standby is not the active management node: it neither has the shared data mounted nor carries the
 * cluster's management address (site.master, the virtual IP). The last check holds whatever the inputs
 * say: a pair given the wrong way round is refused too, so nothing later can take down the active node.
 */
final class PreflightStep implements ProcedureStep {
    static final String ID = "preflight";
    private static final String CFGLOC_PREFIX = "if [ -f /etc/xcat/cfgloc ]; then "
            // Only the leading word before ':' leaves the node: the rest of the line holds the DB password.
            + "sed -n '1s/^\\([A-Za-z0-9]*\\):.*$/\\1/p' /etc/xcat/cfgloc; else echo '(no cfgloc)'; fi";

    private final StandbyPrepareOptions options;

    PreflightStep(StandbyPrepareOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Both nodes reachable, different machines, same OS and xCAT; the standby is not the active MN";
    }

    @Override
    public String host(Cluster cluster) {
        return cluster.primary().name() + ", " + cluster.standby().name();
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node primary = context.primary();
        Node standby = context.standby();
        List<String> notes = new ArrayList<>();
        for (Node node : List.of(primary, standby)) {
            Outcome unreachable = detect(context, node);
            if (unreachable != null) {
                return unreachable;
            }
        }
        Platform pp = NodeCommands.platform(context, primary);
        Platform sp = NodeCommands.platform(context, standby);
        NodeIdentity pi = NodeCommands.identity(context, primary);
        NodeIdentity si = NodeCommands.identity(context, standby);

        Optional<String> sameMachine = sameMachine(pi, si);
        if (sameMachine.isPresent()) {
            return Outcome.failed("primary " + primary.name() + " and standby " + standby.name()
                    + " are the same machine (" + sameMachine.get() + "): give two different management nodes");
        }
        if (pp.os() != sp.os()) {
            return Outcome.failed("primary " + primary.name() + " runs " + pp.os() + " but standby " + standby.name()
                    + " runs " + sp.os() + ": both management nodes must run the same OS");
        }
        String pv = context.facts().get(Node.Role.PRIMARY, StandbyFacts.XCAT_VERSION).orElse(null);
        String sv = context.facts().get(Node.Role.STANDBY, StandbyFacts.XCAT_VERSION).orElse(null);
        if (pv == null || sv == null) {
            Node missing = pv == null ? primary : standby;
            return Outcome.failed("could not read the xCAT version on " + missing.label()
                    + " (`lsxcatd -v` printed no 'Version' line): is xCAT installed in /opt/xcat?");
        }
        if (!pv.equals(sv)) {
            return Outcome.failed("xCAT versions differ: primary " + primary.name() + " has " + pv + ", standby "
                    + standby.name() + " has " + sv + "; install the same xCAT release on both");
        }

        Outcome guard = activeManagementNodeGuard(context, pp, sp, pi, si, notes);
        if (guard != null) {
            return guard;
        }
        DatabaseEngine pe = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElseThrow();
        DatabaseEngine se = context.facts().get(Node.Role.STANDBY, StandbyFacts.ENGINE).orElseThrow();
        return Outcome.ok("primary " + pi.hostname() + " and standby " + si.hostname() + ": " + pp + ", xCAT " + pv
                + ", database " + pe.displayName() + (pe == se ? "" : " / " + se.displayName())
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }

    /** Learns platform, identity, xCAT version and engine of a node; an Outcome when it cannot. */
    private Outcome detect(StepContext context, Node node) throws InterruptedException {
        try {
            Platform platform;
            try {
                platform = Platform.detect(NodeCommands.exec(context, node), options.initSystem().orElse(null));
            } catch (IllegalStateException e) {
                return Outcome.failed(node.label() + ": " + e.getMessage());
            }
            context.facts().put(node.role(), StandbyFacts.PLATFORM, platform);

            CommandResult hostname = context.run(node, Command.of("hostname"));
            InterfaceAddresses interfaces = NodeCommands.interfaces(context, node, platform.os());
            context.facts().put(node.role(), StandbyFacts.IDENTITY, new NodeIdentity(hostname.stdout().strip(),
                    interfaces.external(), NodeCommands.hostKeys(context, node)));

            CommandResult version = context.run(node, NodeCommands.tool("lsxcatd", "-v"));
            Optional<String> v = LsxcatdOutput.parse(version.stdout()).version();
            if (v.isEmpty()) {
                // xcatd is down (a re-run after stop-xcat-services): the version is in the files all the same.
                version = context.run(node, NodeCommands.bypassingXcatd("lsxcatd", "-v"));
                v = LsxcatdOutput.parse(version.stdout()).version();
            }
            v.ifPresent(value -> context.facts().put(node.role(), StandbyFacts.XCAT_VERSION, value));

            CommandResult prefix = context.run(node, Command.shell(CFGLOC_PREFIX));
            String p = prefix.stdout().strip();
            context.facts().put(node.role(), StandbyFacts.ENGINE,
                    DatabaseEngine.fromCfglocPrefix(p.equals("(no cfgloc)") ? "" : p));
            return null;
        } catch (ShellException e) {
            return Outcome.failed(node.label() + " is not reachable: " + e.getMessage());
        }
    }

    private static Optional<String> sameMachine(NodeIdentity p, NodeIdentity s) {
        if (p.sameHostKeys(s)) {
            return Optional.of("same SSH host keys " + p.hostKeys().iterator().next().shortForm());
        }
        if (!p.hostname().isEmpty() && p.hostname().equalsIgnoreCase(s.hostname())) {
            return Optional.of("same host name " + p.hostname());
        }
        Set<String> shared = new HashSet<>(p.addresses());
        shared.retainAll(s.addresses());
        if (!shared.isEmpty()) {
            return Optional.of("same address " + String.join(", ", shared));
        }
        return Optional.empty();
    }

    /**
     * Refuses a standby that looks like the active MN. site.master comes from the primary's database; it is
     * compared with the addresses both nodes carry, and the shared directories with both mount tables.
     */
    private Outcome activeManagementNodeGuard(StepContext context, Platform pp, Platform sp, NodeIdentity pi,
                                              NodeIdentity si, List<String> notes)
            throws ShellException, InterruptedException {
        Node primary = context.primary();
        Node standby = context.standby();
        DatabaseEngine engine = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElse(null);

        List<String> standbyMounted = SharedDirectories.mounted(mounts(context, standby),
                SharedDirectories.on(options, sp.os(), engine));
        List<String> primaryMounted = SharedDirectories.mounted(mounts(context, primary),
                SharedDirectories.on(options, pp.os(), engine));

        Optional<String> master = siteMaster(context);
        if (master.isEmpty()) {
            return Outcome.failed("could not learn the cluster's management address (site.master) from primary "
                    + primary.name() + " (`lsdef -t site -l`, `tabdump site` gave none): without it the standby"
                    + " cannot be proven not to be the active management node; set site.master on the primary");
        }
        String address = masterAddress(context, primary, pp.os(), master.get());
        context.facts().put(StandbyFacts.MANAGEMENT_ADDRESS, address);
        boolean standbyCarries = si.addresses().contains(address) || si.hostname().equalsIgnoreCase(master.get());
        boolean primaryCarries = pi.addresses().contains(address) || pi.hostname().equalsIgnoreCase(master.get());

        if (standbyCarries && !primaryCarries) {
            return Outcome.failed("refused: standby " + standby.name() + " carries the cluster's management"
                    + " address " + describe(master.get(), address) + " and primary " + primary.name()
                    + " does not: the roles look swapped. The node given as standby is the ACTIVE management"
                    + " node; nothing was changed. Give the active node as primary.");
        }
        if (standbyCarries) {
            return Outcome.failed("refused: standby " + standby.name() + " carries the cluster's management"
                    + " address " + describe(master.get(), address) + " on an interface, so it may be the"
                    + " ACTIVE management node; nothing was changed. Remove the virtual IP from the standby first.");
        }
        if (!standbyMounted.isEmpty()) {
            boolean swapped = primaryMounted.isEmpty();
            return Outcome.failed("refused: standby " + standby.name() + " has the shared data mounted ("
                    + String.join(", ", standbyMounted) + "), so it may be the ACTIVE management node"
                    + (swapped ? " and primary " + primary.name() + " has none of it: the roles look swapped" : "")
                    + "; nothing was changed. A standby must not mount the shared data.");
        }
        if (!primaryCarries) {
            notes.add("site.master " + describe(master.get(), address) + " is on neither node");
        } else {
            notes.add("primary carries site.master " + describe(master.get(), address));
        }
        return null;
    }

    private static String describe(String master, String address) {
        return master.equals(address) ? master : master + " (" + address + ")";
    }

    private static MountTable mounts(StepContext context, Node node) throws ShellException, InterruptedException {
        CommandResult r = context.run(node, NodeCommands.tool("mount"));
        if (r.exitCode() != 0) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "could not read the mount table of "
                    + node.label() + " (`mount` exit " + r.exitCode() + "): " + NodeCommands.firstLine(r));
        }
        return MountTable.parse(r.stdout());
    }

    /** site.master through xcatd; if the primary's xcatd does not answer, read the database directly. */
    private static Optional<String> siteMaster(StepContext context) throws ShellException, InterruptedException {
        Node primary = context.primary();
        CommandResult lsdef = context.run(primary, NodeCommands.tool("lsdef", "-t", "site", "-l"));
        if (lsdef.exitCode() == 0) {
            Optional<String> m = SiteAttributes.parseLsdef(lsdef.stdout()).master();
            if (m.isPresent()) {
                return m;
            }
        }
        CommandResult tabdump = context.run(primary, NodeCommands.tool("tabdump", "site"));
        if (tabdump.exitCode() == 0) {
            Optional<String> m = SiteAttributes.parseTabdump(tabdump.stdout()).master();
            if (m.isPresent()) {
                return m;
            }
        }
        CommandResult direct = context.run(primary, NodeCommands.bypassingXcatd("tabdump", "site"));
        return direct.exitCode() == 0 ? SiteAttributes.parseTabdump(direct.stdout()).master() : Optional.empty();
    }

    /** site.master may be a host name: resolve it on the primary, as the compute nodes would. */
    private static String masterAddress(StepContext context, Node primary, OsFamily os, String master)
            throws ShellException, InterruptedException {
        if (master.matches("[0-9.]+") || master.contains(":")) {
            return master;
        }
        Set<String> addresses = NodeCommands.resolve(context, primary, os, master);
        return addresses.isEmpty() ? master : addresses.iterator().next();
    }
}
