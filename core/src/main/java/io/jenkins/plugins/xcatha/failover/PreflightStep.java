package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.standby.NodeIdentity;
import io.jenkins.plugins.xcatha.standby.NodeProbe;
import io.jenkins.plugins.xcatha.standby.StandbyFacts;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The standby answers and runs the same xCAT as the old primary; the old primary's state is read where it answers.
 * Planned: the old primary must answer (it is deactivated next). Unplanned: it must not, and the operator must
 * have stated that it is powered off or disconnected ({@code primaryDown}): unreachable is not down.
 */
final class PreflightStep extends AbstractStep {
    static final String ID = "preflight";
    private final FailoverOptions options;

    PreflightStep(FailoverOptions options) {
        super(ID, "Standby reachable, same xCAT; the old primary answers (planned) or is stated down (unplanned)",
                HostScope.BOTH);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node primary = context.primary();
        Node standby = context.standby();
        NodeProbe sp;
        try {
            sp = NodeProbe.run(context, standby);
        } catch (ShellException e) {
            if (e.phase() == ShellException.Phase.CANCELLED) {
                throw e;
            }
            return Outcome.failed("standby " + standby.name() + " is not reachable: " + e.getMessage()
                    + "; nothing was changed on either node");
        }
        Outcome learned = learn(context, standby, sp);
        if (learned != null) {
            return learned;
        }
        NodeProbe pp = null;
        String unreachable = null;
        try {
            pp = NodeProbe.run(context, primary);
        } catch (ShellException e) {
            if (e.phase() == ShellException.Phase.CANCELLED) {
                throw e;
            }
            unreachable = e.getMessage();
        }
        context.facts().put(FailoverFacts.PRIMARY_REACHABLE, pp != null);
        Platform splat = NodeCommands.platform(context, standby);
        String sv = context.facts().get(Node.Role.STANDBY, StandbyFacts.XCAT_VERSION).orElse(null);
        if (sv == null) {
            return Outcome.failed("could not read the xCAT version on standby " + standby.name()
                    + " (`lsxcatd -v` printed no 'Version' line): is xCAT installed in /opt/xcat?");
        }
        Outcome group = volumeGroupOnStandby(context, splat.os());
        if (group != null) {
            return group;
        }
        if (pp == null) {
            context.facts().put(FailoverFacts.PRIMARY_UNREACHABLE_REASON, unreachable);
            if (options.planned()) {
                return Outcome.failed("old primary " + primary.name() + " does not answer (" + unreachable + "): a"
                        + " planned failover deactivates it first and cannot. If it is down, power it off or"
                        + " disconnect it and run an unplanned failover (" + options.vocabulary().disabled("planned")
                        + ", " + options.vocabulary().enabled("primaryDown") + ")");
            }
            if (!options.primaryDown()) {
                return Outcome.failed("refused: old primary " + primary.name() + " does not answer (" + unreachable
                        + "), but unreachable is not down: it may still run xCAT, hold the virtual IP and write to the"
                        + " shared data. Power it off or disconnect it from the network, then state it with "
                        + options.vocabulary().enabled("primaryDown") + "; nothing was changed");
            }
            String address = primaryAddress(context, splat.os());
            context.facts().put(FailoverFacts.PRIMARY_ADDRESS, address);
            if (context.run(standby, OldPrimary.ping(splat.os(), address)).exitCode() == 0) {
                return Outcome.failed("refused: old primary " + primary.name() + " answers ping at " + address
                        + " although " + options.vocabulary().enabled("primaryDown")
                        + " states it is down; power it off or disconnect it; nothing was changed");
            }
            return Outcome.ok("unplanned failover to standby " + sp.identity().hostname() + " (" + splat + ", xCAT "
                    + sv + "): old primary " + primary.name() + " does not answer SSH (" + unreachable + ") nor ping at "
                    + address + ", and is stated down");
        }
        learned = learn(context, primary, pp);
        if (learned != null) {
            return learned;
        }
        if (!options.planned()) {
            return Outcome.failed("old primary " + primary.name() + " answers: a failover from a running primary is"
                    + " planned, so that it is deactivated first; give " + options.vocabulary().enabled("planned")
                    + " (" + options.vocabulary().name("primaryDown") + " is for a primary that is powered off)");
        }
        Platform pplat = NodeCommands.platform(context, primary);
        String pv = context.facts().get(Node.Role.PRIMARY, StandbyFacts.XCAT_VERSION).orElse(null);
        NodeIdentity pi = pp.identity();
        NodeIdentity si = sp.identity();
        if (pi.sameHostKeys(si) || pi.hostname().equalsIgnoreCase(si.hostname())) {
            return Outcome.failed("primary " + primary.name() + " and standby " + standby.name() + " are the same machine"
                    + " (host name " + pi.hostname() + "): give two different management nodes");
        }
        if (pplat.os() != splat.os()) {
            return Outcome.failed("old primary " + primary.name() + " runs " + pplat.os() + " but standby "
                    + standby.name() + " runs " + splat.os() + ": the standby cannot take over");
        }
        if (pv != null && !pv.equals(sv)) {
            return Outcome.failed("xCAT versions differ: old primary " + primary.name() + " has " + pv + ", standby "
                    + standby.name() + " has " + sv + "; install the same xCAT release on both first");
        }
        DatabaseEngine engine = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElse(DatabaseEngine.SQLITE);
        String missing = DatabaseServer.missingOn(context, standby, engine);
        if (missing != null) {
            return Outcome.failed("old primary " + primary.name() + " serves the cluster's database with "
                    + engine.displayName() + " (its /etc/xcat/cfgloc) but standby " + standby.name() + " " + missing
                    + ": it could not serve the database after the failover. Set up " + engine.displayName()
                    + " on the standby as the HA docs say; nothing was changed on either node");
        }
        if (pplat.os() == OsFamily.AIX && options.sharedVolumeGroup().isEmpty()) {
            List<String> groups = SharedVolumeGroup.dataGroups(context, primary);
            if (!groups.isEmpty()) {
                return Outcome.failed("old primary " + primary.name() + " has the volume group" + (groups.size() == 1
                        ? " " : "s ") + String.join(", ", groups) + " varied on besides rootvg: if the shared data is"
                        + " on it, give " + options.vocabulary().given("sharedVolumeGroup", groups.get(0)) + ", so that"
                        + " it is varied off there and on at the standby (else the standby cannot mount the shared"
                        + " file systems); nothing was changed on either node");
            }
        }
        List<String> held = OldPrimary.held(context, options);
        return Outcome.ok("planned failover from " + pi.hostname() + " to " + si.hostname() + " (" + splat + ", xCAT " + sv
                + "): old primary " + (held.isEmpty() ? "is already deactivated" : String.join(", ", held)));
    }

    /** The shared volume group is an AIX one, and the standby has imported it (it knows the group, varied off). */
    private Outcome volumeGroupOnStandby(StepContext context, OsFamily os) throws ShellException, InterruptedException {
        String group = options.sharedVolumeGroup().orElse(null);
        if (group == null) {
            return null;
        }
        Node standby = context.standby();
        if (os != OsFamily.AIX) {
            return Outcome.failed(options.vocabulary().name("sharedVolumeGroup") + " is for AIX volume groups"
                    + " (varyonvg), and standby " + standby.name() + " runs " + os + ": leave it out (the shared file"
                    + " systems are mounted from /etc/fstab)");
        }
        if (!SharedVolumeGroup.known(context, standby).contains(group)) {
            return Outcome.failed("standby " + standby.name() + " does not know the volume group " + group
                    + " (`lsvg` does not list it): import it there first (`importvg -y " + group + " hdiskN`, then"
                    + " `varyoffvg " + group + "`), as the HA documentation's shared-disk setup says; nothing was"
                    + " changed on either node");
        }
        return null;
    }

    private Outcome learn(StepContext context, Node node, NodeProbe probe) {
        try {
            context.facts().put(node.role(), StandbyFacts.PLATFORM, probe.platform(options.initSystem().orElse(null)));
        } catch (IllegalStateException e) {
            return Outcome.failed(node.label() + ": " + e.getMessage());
        }
        context.facts().put(node.role(), StandbyFacts.IDENTITY, probe.identity());
        probe.xcatVersion().ifPresent(v -> context.facts().put(node.role(), StandbyFacts.XCAT_VERSION, v));
        context.facts().put(node.role(), StandbyFacts.ENGINE, probe.engine());
        return null;
    }

    /** The old primary's address: as given, or as the standby resolves the name. */
    private static String primaryAddress(StepContext context, OsFamily os) throws ShellException, InterruptedException {
        String name = context.primary().name();
        int colon = name.lastIndexOf(':');
        String host = colon > 0 && name.indexOf(':') == colon ? name.substring(0, colon) : name;
        if (host.matches("[0-9.]+")) {
            return host;
        }
        Set<String> addresses = NodeCommands.resolve(context, context.standby(), os, host);
        return addresses.isEmpty() ? host : new ArrayList<>(addresses).get(0);
    }
}
