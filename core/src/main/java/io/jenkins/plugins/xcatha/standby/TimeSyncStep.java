package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.RemoteFiles;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.ChronyStatus;
import io.jenkins.plugins.xcatha.xcat.NtpqPeers;
import io.jenkins.plugins.xcatha.xcat.TimedatectlStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Make sure the time on the primary management node and standby management node is synchronized":
 * each node's NTP or chrony state ({@code chronyc tracking}, {@code ntpq -p}, {@code timedatectl}), plus the
 * measured skew between the two clocks. A skew beyond maxClockSkewSeconds fails; clocks that agree but are
 * not synchronised to a server are a warning. With ntpServer, both nodes are pointed at it first.
 */
final class TimeSyncStep extends AbstractStep {
    static final String ID = "time-sync";
    private final StandbyPrepareOptions options;

    TimeSyncStep(StandbyPrepareOptions options) {
        super(ID, "Clocks synchronised, skew within the limit", HostScope.BOTH, PreflightStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        List<String> changes = new ArrayList<>();
        List<String> unsynchronised = new ArrayList<>();
        List<String> synced = new ArrayList<>();
        for (Node node : List.of(context.primary(), context.standby())) {
            Platform platform = NodeCommands.platform(context, node);
            if (options.ntpServer().isPresent()) {
                Optional<String> failure = pointAtServer(context, node, platform, options.ntpServer().get(), changes);
                if (failure.isPresent()) {
                    return Outcome.failed(failure.get());
                }
            }
            Optional<String> state = synchronisation(context, node, platform.os());
            if (state.isPresent()) {
                synced.add(node.label() + " " + state.get());
            } else {
                unsynchronised.add(node.label());
            }
        }
        ClockReading p = ClockReading.read(context, context.primary(), NodeCommands.platform(context, context.primary()).os());
        ClockReading s = ClockReading.read(context, context.standby(), NodeCommands.platform(context, context.standby()).os());
        double skew = Math.abs(p.offsetSeconds() - s.offsetSeconds());
        double uncertainty = p.uncertaintySeconds() + s.uncertaintySeconds();
        String measured = String.format(Locale.ROOT, "clock skew %.2f s (±%.2f s, limit %d s)", skew, uncertainty,
                options.maxClockSkewSeconds());
        String prefix = changes.isEmpty() ? "" : String.join("; ", changes) + "; ";
        if (skew - uncertainty > options.maxClockSkewSeconds()) {
            return Outcome.failed(prefix + "the clocks of primary " + context.primary().name() + " and standby "
                    + context.standby().name() + " differ: " + measured + ". Synchronise both with the same NTP"
                    + " server (set " + options.vocabulary().name("ntpServer") + ", or configure chrony/ntpd) and check"
                    + " the time zone (`echo $TZ`, `date`)");
        }
        if (!unsynchronised.isEmpty()) {
            return Outcome.warning(prefix + "not synchronised to a time server: " + String.join(", ", unsynchronised)
                    + " (" + measured + "); configure NTP or chrony (`ntpq -p` should show '*', `chronyc tracking`"
                    + " Leap status Normal)");
        }
        String what = measured + "; " + String.join("; ", synced);
        return changes.isEmpty() ? Outcome.ok(what) : Outcome.changed(prefix + what);
    }

    /** How the node says it is synchronised ("synchronised to ntp1 (chrony)"), or empty when it is not. */
    private static Optional<String> synchronisation(StepContext context, Node node, OsFamily os)
            throws ShellException, InterruptedException {
        if (os == OsFamily.LINUX) {
            CommandResult tracking = context.run(node, NodeCommands.tool("chronyc", "tracking"));
            Optional<Boolean> chrony = ChronyStatus.trackingSynchronised(tracking.stdout());
            if (tracking.exitCode() == 0 && chrony.isPresent()) {
                if (!chrony.get()) {
                    return Optional.empty();
                }
                return Optional.of("synchronised to " + ChronyStatus.trackingReference(tracking.stdout())
                        .orElse("a source") + " (chrony)");
            }
        }
        CommandResult ntpq = context.run(node, NodeCommands.tool("ntpq", "-p"));
        if (ntpq.exitCode() == 0 && ntpq.stdout().contains("====")) {
            NtpqPeers peers = NtpqPeers.parse(ntpq.stdout());
            return peers.systemPeer().map(p -> "synchronised to " + p + " (ntpq)");
        }
        if (os == OsFamily.LINUX) {
            CommandResult timedatectl = context.run(node, NodeCommands.tool("timedatectl"));
            Optional<Boolean> t = TimedatectlStatus.synchronised(timedatectl.stdout());
            if (timedatectl.exitCode() == 0 && t.isPresent()) {
                return t.get() ? Optional.of("synchronised (timedatectl)") : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Makes the node's NTP daemon use {@code server}: a {@code server} line in its configuration, then a
     * restart. Nothing happens when the line is already there.
     */
    private Optional<String> pointAtServer(StepContext context, Node node, Platform platform, String server,
                                           List<String> changes) throws ShellException, InterruptedException {
        CommandRunner exec = NodeCommands.exec(context, node);
        String daemon;
        String config;
        if (platform.os() == OsFamily.AIX) {
            daemon = "xntpd";
            config = "/etc/ntp.conf";
        } else {
            CommandResult which = context.run(node, Command.shell("for f in /etc/chrony.conf /etc/chrony/chrony.conf"
                    + " /etc/ntp.conf; do [ -f \"$f\" ] && { echo \"$f\"; exit 0; }; done; exit 1"));
            if (which.exitCode() != 0) {
                return Optional.of(node.label() + " has no chrony or NTP configuration (/etc/chrony.conf,"
                        + " /etc/chrony/chrony.conf, /etc/ntp.conf): install chrony or ntp to use "
                        + options.vocabulary().name("ntpServer"));
            }
            config = which.stdout().strip();
            daemon = config.contains("chrony") ? chronyUnit(context, node, platform) : "ntpd";
        }
        RemoteFiles files = NodeCommands.files(context, node);
        Optional<String> current = files.readText(config);
        String content = current.orElse("");
        Pattern line = Pattern.compile("(?m)^\\s*(server|pool)\\s+" + Pattern.quote(server) + "(\\s|$)");
        if (line.matcher(content).find()) {
            return Optional.empty();
        }
        if (context.checkMode()) {
            changes.add("would add `server " + server + "` to " + config + " on " + node.label() + " and restart "
                    + daemon);
            return Optional.empty();
        }
        String entry = "server " + server + (platform.os() == OsFamily.AIX ? "" : " iburst") + "\n";
        String updated = (content.isEmpty() || content.endsWith("\n") ? content : content + "\n") + entry;
        try {
            files.putFile(config, current, updated.getBytes(StandardCharsets.UTF_8), "644", "755");
        } catch (ShellException e) {
            return Optional.of("could not update " + config + " on " + node.label() + ": " + NodeCommands.writeFailure(e));
        }
        ServiceState state = platform.services().state(exec, daemon);
        List<Command> restart = new ArrayList<>(platform.services().stopCommands(state));
        restart.addAll(platform.services().startCommands(state));
        for (Command c : restart) {
            CommandResult r = context.run(node, c);
            if (r.exitCode() != 0) {
                return Optional.of("added `server " + server + "` to " + config + " on " + node.label() + " but `"
                        + NodeCommands.shown(c) + "` failed (exit " + r.exitCode() + ": " + NodeCommands.firstLine(r)
                        + "). " + platform.services().hint(daemon));
            }
        }
        changes.add("pointed " + daemon + " on " + node.label() + " at " + server);
        return Optional.empty();
    }

    private static String chronyUnit(StepContext context, Node node, Platform platform)
            throws ShellException, InterruptedException {
        ServiceState chronyd = platform.services().state(NodeCommands.exec(context, node), "chronyd");
        return chronyd.installed() ? "chronyd" : "chrony";
    }
}
