package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.config.Vocabulary;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.xcat.SiteAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the HA docs say to verify after a failover: site.master is the virtual IP, {@code lsdef -t osimage} answers,
 * the nodes resolve through the new management node (DNS asked at the virtual IP). It names what to do next:
 * prepare the old primary as the new standby, standby-prepare with the roles swapped.
 */
final class VerifyStep extends AbstractStep {
    static final String ID = "verify";
    private static final int NODES_ASKED = 3;
    private final FailoverOptions options;

    VerifyStep(FailoverOptions options) {
        super(ID, "The new primary serves the cluster; the next step named", HostScope.STANDBY, PreflightStep.ID,
                StartXcatdStep.ID, NetworkServicesStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        String next = next(context);
        if (context.checkMode()) {
            return Outcome.skipped("nothing to verify in check mode: the failover has not been done. " + next);
        }
        OsFamily os = NodeCommands.platform(context, standby).os();
        String vip = options.virtualAddress();
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        CommandResult site = context.run(standby, NodeCommands.tool("lsdef", "-t", "site", "-l"));
        String master = site.exitCode() == 0 ? SiteAttributes.parseLsdef(site.stdout()).master().orElse("") : "";
        if (master.isEmpty()) {
            problems.add("site.master could not be read (`lsdef -t site -l` exit " + site.exitCode() + ")");
        } else {
            Set<String> resolved = master.matches("[0-9.]+") ? Set.of(master) : NodeCommands.resolve(context, standby, os, master);
            if (resolved.contains(vip)) {
                seen.add("site.master " + master + " is the virtual IP");
            } else {
                problems.add("site.master is " + master + ", not the virtual IP " + vip + ": the nodes will not find the"
                        + " new management node (chdef -t site master=" + vip + ")");
            }
        }
        CommandResult images = context.run(standby, NodeCommands.tool("lsdef", "-t", "osimage"));
        if (images.exitCode() == 0) {
            seen.add(images.stdout().lines().filter(l -> l.contains("(osimage)")).count() + " osimage(s) listed");
        } else if (images.combinedOutput().contains("Could not find any object definitions")) {
            seen.add("no osimage defined");
        } else {
            problems.add("`lsdef -t osimage` failed (exit " + images.exitCode() + ": " + NodeCommands.firstLine(images) + ")");
        }
        CommandResult nodes = context.run(standby, NodeCommands.tool("lsdef", "-t", "node"));
        List<String> names = new ArrayList<>();
        nodes.stdout().lines().filter(l -> l.contains("(node)")).limit(NODES_ASKED)
                .forEach(l -> names.add(l.strip().split("\\s+")[0]));
        List<String> unresolved = new ArrayList<>();
        for (String n : names) {
            CommandResult dns = context.run(standby, NodeCommands.tool("host", n, vip));
            if (dns.exitCode() != 0) {
                unresolved.add(n + " (" + NodeCommands.firstLine(dns) + ")");
            }
        }
        if (!unresolved.isEmpty()) {
            problems.add("nodes do not resolve through the new management node (`host NODE " + vip + "`): "
                    + String.join(", ", unresolved));
        } else if (!names.isEmpty()) {
            seen.add("nodes " + String.join(", ", names) + " resolve through " + vip);
        } else {
            seen.add("no node defined to resolve");
        }
        String message = "new primary " + standby.name() + ": " + String.join("; ", seen);
        if (!problems.isEmpty()) {
            return Outcome.failed(message + "; " + String.join("; ", problems) + ". " + next);
        }
        return Outcome.ok(message + ". " + next);
    }

    /** The next thing to do: standby-prepare with the roles swapped, as the front end in use writes it. */
    private String next(StepContext context) {
        String oldPrimary = context.primary().name();
        String newPrimary = context.standby().name();
        String command = options.vocabulary() == Vocabulary.CLI
                ? "xcat-ha standby-prepare --primary " + newPrimary + " --standby " + oldPrimary
                : "xcatStandbyPrepare primary: '" + newPrimary + "', standby: '" + oldPrimary + "'";
        String when = options.planned() ? "" : " once it is back (keep it off the network until its virtual IP,"
                + " shared data and services are gone, e.g. after a reboot)";
        return "Next: prepare the old primary " + oldPrimary + " as the new standby" + when + ": " + command;
    }
}
