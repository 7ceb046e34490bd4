package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.standby.NodeProbe;
import io.jenkins.plugins.xcatha.standby.SharedDirectories;
import io.jenkins.plugins.xcatha.standby.StandbyFacts;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The no-split-brain rule, checked right before each activation step: the old primary must not hold the virtual
 * IP, the shared data, a running xcatd or database server. A planned failover reads that from the old primary
 * itself; an unplanned one cannot, so it requires that the old primary still answers nothing, not even ping.
 */
final class OldPrimary {
    private OldPrimary() {
    }

    /** Null when nothing of the old primary is active; else the refusal, naming what it still holds. */
    static Outcome stillActive(StepContext context, FailoverOptions options, String activation)
            throws ShellException, InterruptedException {
        Node primary = context.primary();
        Node standby = context.standby();
        boolean reachable = context.facts().get(FailoverFacts.PRIMARY_REACHABLE).orElse(false);
        if (!reachable) {
            String address = context.facts().get(FailoverFacts.PRIMARY_ADDRESS).orElse(primary.name());
            CommandResult ping = context.run(standby, ping(NodeCommands.platform(context, standby).os(), address));
            if (ping.exitCode() == 0) {
                return Outcome.failed("refused to " + activation + ": old primary " + primary.name() + " answers ping at "
                        + address + " again, so it is not powered off or disconnected; nothing was changed on standby "
                        + standby.name() + ". Power it off or disconnect it, or run a planned failover ("
                        + options.vocabulary().enabled("planned") + ") once it answers SSH");
            }
            return null;
        }
        List<String> held = held(context, options);
        if (held.isEmpty()) {
            return null;
        }
        return Outcome.failed("refused to " + activation + ": old primary " + primary.name() + " still "
                + String.join(", ", held) + "; nothing was changed on standby " + standby.name()
                + ". Deactivate it first (deactivate-primary)");
    }

    /** What the reachable old primary still holds: "carries the virtual IP", "has /install mounted", "runs xcatd". */
    static List<String> held(StepContext context, FailoverOptions options) throws ShellException, InterruptedException {
        Node primary = context.primary();
        NodeProbe probe;
        try {
            probe = NodeProbe.run(context, primary);
        } catch (ShellException e) {
            if (e.phase() == ShellException.Phase.CANCELLED) {
                throw e;
            }
            return List.of("does not answer any more (" + e.getMessage() + "), so what it holds cannot be checked");
        }
        Platform platform = NodeCommands.platform(context, primary);
        List<String> held = new ArrayList<>();
        if (probe.identity().addresses().contains(options.virtualAddress())) {
            held.add("carries the virtual IP " + options.virtualAddress());
        }
        List<String> mounted = mountedShared(context, options, primary, probe.mounts());
        if (!mounted.isEmpty()) {
            held.add("has the shared data mounted (" + String.join(", ", mounted) + ")");
        }
        List<String> services = new ArrayList<>(List.of("xcatd"));
        services.addAll(DatabaseServer.services(probe.engine()));
        for (ServiceState s : platform.services().states(NodeCommands.exec(context, primary), services)) {
            if (s.installed() && s.running()) {
                held.add("runs " + s.name());
            }
        }
        if (probe.engine() == DatabaseEngine.DB2) {
            Db2Instance db2 = Db2Instance.read(context, primary);
            if (db2 != null && db2.running()) {
                held.add("runs the DB2 instance " + db2.instance());
            }
        }
        return held;
    }

    static List<String> mountedShared(StepContext context, FailoverOptions options, Node node, MountTable mounts) {
        Platform platform = NodeCommands.platform(context, node);
        DatabaseEngine engine = context.facts().get(node.role(), StandbyFacts.ENGINE).orElse(null);
        return SharedDirectories.mounted(mounts, SharedDirectories.on(options.standbyOptions(), platform.os(), engine,
                context.facts().get(StandbyFacts.DATABASE_LOCATION).orElse(null)));
    }

    /** Two probes, three seconds at most: whether anything answers on an address. */
    static Command ping(OsFamily os, String address) {
        return os == OsFamily.AIX ? NodeCommands.tool("ping", "-c", "2", "-w", "3", address)
                : NodeCommands.tool("ping", "-c", "2", "-w", "3", address);
    }
}
