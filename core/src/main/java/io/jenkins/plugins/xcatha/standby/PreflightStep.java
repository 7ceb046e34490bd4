package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import io.jenkins.plugins.xcatha.xcat.SiteAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
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
final class PreflightStep extends AbstractStep {
    static final String ID = "preflight";
    private final StandbyPrepareOptions options;

    PreflightStep(StandbyPrepareOptions options) {
        super(ID, "Both nodes reachable, different machines, same OS and xCAT; the standby is not the active MN",
                HostScope.BOTH);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node primary = context.primary();
        Node standby = context.standby();
        List<String> notes = new ArrayList<>();
        Map<Node.Role, MountTable> mounts = new EnumMap<>(Node.Role.class);
        for (Node node : List.of(primary, standby)) {
            Outcome unreachable = detect(context, node, mounts);
            if (unreachable != null) {
                return unreachable;
            }
        }
        Platform pp = NodeCommands.platform(context, primary);
        Platform sp = NodeCommands.platform(context, standby);
        NodeIdentity pi = NodeCommands.identity(context, primary);
        NodeIdentity si = NodeCommands.identity(context, standby);

        for (Node node : List.of(primary, standby)) {
            String name = NodeCommands.identity(context, node).hostname();
            try {
                HostAndPort.parse("hostname", name, HostAndPort.SSH_PORT);
            } catch (InvalidInputException e) {
                return Outcome.failed(node.label() + " reports the host name '" + name.replace("\n", "\\n")
                        + "', which is not a valid host name: fix it with `hostname` and /etc/hostname first");
            }
        }
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

        Outcome guard = activeManagementNodeGuard(context, pp, sp, pi, si, mounts, notes);
        if (guard != null) {
            return guard;
        }
        // Only now the other shared addresses: the management address on the standby is the guard's refusal.
        Optional<String> sameAddress = sharedAddress(pi, si,
                context.facts().get(StandbyFacts.MANAGEMENT_ADDRESS).orElse(""));
        if (sameAddress.isPresent()) {
            return Outcome.failed("primary " + primary.name() + " and standby " + standby.name()
                    + " are the same machine (" + sameAddress.get() + "): give two different management nodes");
        }
        DatabaseEngine pe = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElseThrow();
        DatabaseEngine se = context.facts().get(Node.Role.STANDBY, StandbyFacts.ENGINE).orElseThrow();
        return Outcome.ok("primary " + pi.hostname() + " and standby " + si.hostname() + ": " + pp + ", xCAT " + pv
                + ", database " + pe.displayName() + (pe == se ? "" : " / " + se.displayName())
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }

    /** Learns platform, identity, xCAT version, engine and mounts of a node; an Outcome when it cannot. */
    private Outcome detect(StepContext context, Node node, Map<Node.Role, MountTable> mounts)
            throws InterruptedException {
        try {
            NodeProbe probe = NodeProbe.run(context, node);
            try {
                context.facts().put(node.role(), StandbyFacts.PLATFORM, probe.platform(options.initSystem().orElse(null)));
            } catch (IllegalStateException e) {
                return Outcome.failed(node.label() + ": " + e.getMessage());
            }
            context.facts().put(node.role(), StandbyFacts.IDENTITY, probe.identity());
            probe.xcatVersion().ifPresent(v -> context.facts().put(node.role(), StandbyFacts.XCAT_VERSION, v));
            context.facts().put(node.role(), StandbyFacts.ENGINE, probe.engine());
            mounts.put(node.role(), probe.mounts());
            return null;
        } catch (ShellException e) {
            return Outcome.failed(node.label() + " is not reachable: " + e.getMessage());
        }
    }

    /** Two nodes with the same host keys or host name are one machine. */
    private static Optional<String> sameMachine(NodeIdentity p, NodeIdentity s) {
        if (p.sameHostKeys(s)) {
            return Optional.of("same SSH host keys " + p.hostKeys().iterator().next().shortForm());
        }
        if (!p.hostname().isEmpty() && p.hostname().equalsIgnoreCase(s.hostname())) {
            return Optional.of("same host name " + p.hostname());
        }
        return Optional.empty();
    }

    /** An address both nodes carry, other than the management address (which the guard has dealt with). */
    private static Optional<String> sharedAddress(NodeIdentity p, NodeIdentity s, String managementAddress) {
        Set<String> shared = new HashSet<>(p.addresses());
        shared.retainAll(s.addresses());
        shared.remove(managementAddress);
        return shared.isEmpty() ? Optional.empty() : Optional.of("same address " + String.join(", ", shared));
    }

    /**
     * Refuses a standby that looks like the active MN. site.master comes from the primary's database; it is
     * compared with the addresses both nodes carry, and the shared directories with both mount tables.
     */
    private Outcome activeManagementNodeGuard(StepContext context, Platform pp, Platform sp, NodeIdentity pi,
                                              NodeIdentity si, Map<Node.Role, MountTable> mounts, List<String> notes)
            throws ShellException, InterruptedException {
        Node primary = context.primary();
        Node standby = context.standby();
        DatabaseEngine engine = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElse(null);
        Optional<SiteAttributes> site = site(context);
        Optional<String> master = site.flatMap(SiteAttributes::master);
        site.flatMap(a -> a.get("databaseloc")).filter(d -> d.startsWith("/"))
                .ifPresent(d -> context.facts().put(StandbyFacts.DATABASE_LOCATION, d));
        String databaseLocation = context.facts().get(StandbyFacts.DATABASE_LOCATION).orElse(null);

        List<String> standbyMounted = SharedDirectories.mounted(mounts.get(Node.Role.STANDBY),
                SharedDirectories.on(options, sp.os(), engine, databaseLocation));
        List<String> primaryMounted = SharedDirectories.mounted(mounts.get(Node.Role.PRIMARY),
                SharedDirectories.on(options, pp.os(), engine, databaseLocation));

        if (master.isEmpty()) {
            return Outcome.failed("could not learn the cluster's management address (site.master) from primary "
                    + primary.name() + " (`lsdef -t site -l`, `XCATBYPASS=1 tabdump site` gave none): without it the standby"
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


    /** The site table through xcatd; if the primary's xcatd does not answer, read from the database directly. */
    private static Optional<SiteAttributes> site(StepContext context) throws ShellException, InterruptedException {
        Node primary = context.primary();
        CommandResult lsdef = context.run(primary, NodeCommands.tool("lsdef", "-t", "site", "-l"));
        if (lsdef.exitCode() == 0) {
            SiteAttributes site = SiteAttributes.parseLsdef(lsdef.stdout());
            if (site.master().isPresent()) {
                return Optional.of(site);
            }
        }
        CommandResult direct = context.run(primary, NodeCommands.bypassingXcatd("tabdump", "site"));
        return direct.exitCode() == 0 ? Optional.of(SiteAttributes.parseTabdump(direct.stdout())) : Optional.empty();
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
