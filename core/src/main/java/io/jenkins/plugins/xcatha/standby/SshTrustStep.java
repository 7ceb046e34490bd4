package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteFiles;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.PublicKeyLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Setup ssh authentication between the primary management node and standby management node ... in both
 * directions": each root public key ({@code ~/.ssh/id_rsa.pub}) is appended once to the other node's
 * authorized_keys (compared by key type and body, never by comment; the file replaced atomically with a
 * backup), entries for the other node in known_hosts that no longer match its host keys are removed
 * ({@code ssh-keygen -R}), and {@code ssh -o BatchMode=yes} is then verified both ways.
 */
final class SshTrustStep extends AbstractStep {
    static final String ID = "ssh-trust";
    private final StandbyPrepareOptions options;

    SshTrustStep(StandbyPrepareOptions options) {
        super(ID, "Passwordless root SSH in both directions", HostScope.BOTH, PreflightStep.ID, NameResolutionStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        List<String> changes = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (Node from : List.of(context.primary(), context.standby())) {
            Node to = NodeCommands.other(context, from);
            Optional<String> failure = trust(context, from, to, changes, fine);
            if (failure.isPresent()) {
                List<String> all = new ArrayList<>(changes);
                all.add(failure.get());
                return Outcome.failed(String.join("; ", all));
            }
        }
        if (!changes.isEmpty()) {
            return Outcome.changed(String.join("; ", changes) + (fine.isEmpty() ? "" : "; " + String.join("; ", fine)));
        }
        return Outcome.ok(String.join("; ", fine));
    }

    /** Lets root on {@code from} log in to {@code to}; the failure message, if it cannot. */
    private Optional<String> trust(StepContext context, Node from, Node to, List<String> changes, List<String> fine)
            throws ShellException, InterruptedException {
        boolean check = context.checkMode();
        int changesBefore = changes.size();
        RemoteFiles fromFiles = NodeCommands.files(context, from);
        RemoteFiles toFiles = NodeCommands.files(context, to);
        OsFamily fromOs = NodeCommands.platform(context, from).os();
        OsFamily toOs = NodeCommands.platform(context, to).os();
        String pubPath = fromOs.inRootHome(".ssh/id_rsa.pub");

        Optional<String> pub = fromFiles.readText(pubPath);
        boolean keyWillBeGenerated = false;
        if (pub.isEmpty() || PublicKeyLine.find(pub.get()).isEmpty()) {
            if (!options.generateKeys()) {
                return Optional.of(from.label() + " has no root SSH key pair (" + pubPath + " is missing or empty):"
                        + " create one with `ssh-keygen -t rsa -N ''`, or set "
                        + options.vocabulary().enabled("generateKeys"));
            }
            if (check) {
                changes.add("would generate a root RSA key pair on " + from.label());
                keyWillBeGenerated = true;
            } else {
                String privPath = fromOs.inRootHome(".ssh/id_rsa");
                CommandResult gen = context.run(from, Command.shell("[ -d \"$(dirname \"$1\")\" ] || "
                        + "{ mkdir -p \"$(dirname \"$1\")\" && chmod 700 \"$(dirname \"$1\")\"; }; "
                        + "[ -e \"$1\" ] && { echo \"$1 exists without its .pub\" >&2; exit 1; }; "
                        + "exec ssh-keygen -q -t rsa -N '' -f \"$1\"", privPath));
                if (gen.exitCode() != 0) {
                    return Optional.of("could not generate a root key pair on " + from.label() + " (exit "
                            + gen.exitCode() + ": " + NodeCommands.firstLine(gen) + ")");
                }
                changes.add("generated a root RSA key pair on " + from.label());
                pub = fromFiles.readText(pubPath);
            }
        }

        String authPath = toOs.inRootHome(".ssh/authorized_keys");
        if (keyWillBeGenerated) {
            changes.add("would append it to " + authPath + " on " + to.label());
        } else {
            String keyLine = pub.orElseThrow().lines().filter(l -> PublicKeyLine.find(l).isPresent())
                    .findFirst().orElseThrow().strip();
            PublicKeyLine key = PublicKeyLine.find(keyLine).orElseThrow();
            Optional<String> current = toFiles.readText(authPath);
            String existing = current.orElse("");
            if (PublicKeyLine.findAll(existing).contains(key)) {
                fine.add(to.label() + " already trusts root@" + from.name());
            } else if (check) {
                changes.add("would append root@" + from.name() + "'s key (" + key.shortForm() + ") to " + authPath
                        + " on " + to.label());
            } else {
                String content = existing.isEmpty() || existing.endsWith("\n") ? existing : existing + "\n";
                try {
                    toFiles.putFile(authPath, current, (content + keyLine + "\n").getBytes(StandardCharsets.UTF_8), "600",
                            "700");
                } catch (ShellException e) {
                    return Optional.of("could not update " + authPath + " on " + to.label() + " ("
                            + NodeCommands.writeFailure(e) + ")");
                }
                changes.add("appended root@" + from.name() + "'s key to " + authPath + " on " + to.label());
            }
        }

        NodeIdentity target = NodeCommands.identity(context, to);
        int port = sshPort(to);
        String knownHosts = fromOs.inRootHome(".ssh/known_hosts");
        boolean stillListed = removeStaleKnownHosts(context, from, to, target, port, knownHosts, changes);

        if (check) {
            // Without the key or a known host entry a check-mode probe would fail or write known_hosts.
            if (changes.size() > changesBefore || !stillListed) {
                changes.add("would verify `ssh -o BatchMode=yes root@" + target.hostname() + "` from " + from.label());
                return Optional.empty();
            }
        }
        List<String> ssh = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o",
                "StrictHostKeyChecking=" + (check ? "yes" : "accept-new"), "-o", "ConnectTimeout=15"));
        if (port != HostAndPort.SSH_PORT) {
            ssh.addAll(List.of("-p", Integer.toString(port)));
        }
        ssh.addAll(List.of("-l", "root", target.hostname(), "true"));
        CommandResult verify = context.run(from, Command.of(ssh).withStdin(new byte[0]));
        if (verify.exitCode() != 0) {
            return Optional.of("`ssh -o BatchMode=yes root@" + target.hostname() + "` from " + from.label()
                    + " failed (exit " + verify.exitCode() + ": " + NodeCommands.firstLine(verify) + ")");
        }
        fine.add("root@" + from.name() + " logs in to " + to.name() + " without a password");
        return Optional.empty();
    }

    /**
     * Removes known_hosts entries on {@code from} for the names and addresses of {@code to} whose key is not
     * one of {@code to}'s host keys; returns whether a current entry remains for its host name.
     */
    private static boolean removeStaleKnownHosts(StepContext context, Node from, Node to, NodeIdentity target, int port,
                                                 String knownHosts, List<String> changes)
            throws ShellException, InterruptedException {
        Set<PublicKeyLine> current = target.hostKeys();
        Set<String> names = new LinkedHashSet<>();
        names.add(target.hostname());
        names.add(target.shortName());
        names.addAll(target.addresses());
        boolean hostnameListed = false;
        for (String name : names) {
            String entry = port == HostAndPort.SSH_PORT ? name : "[" + name + "]:" + port;
            CommandResult found = context.run(from, Command.of("ssh-keygen", "-F", entry, "-f", knownHosts));
            List<PublicKeyLine> listed = found.exitCode() == 0 ? PublicKeyLine.findAll(found.stdout()) : List.of();
            if (listed.isEmpty()) {
                continue;
            }
            boolean stale = !current.isEmpty() && listed.stream().anyMatch(k -> !current.contains(k));
            if (!stale) {
                hostnameListed |= name.equals(target.hostname());
                continue;
            }
            if (context.checkMode()) {
                changes.add("would remove the stale known_hosts entry for " + entry + " on " + from.label());
                continue;
            }
            CommandResult removed = context.run(from, Command.of("ssh-keygen", "-R", entry, "-f", knownHosts));
            if (removed.exitCode() != 0) {
                throw new ShellException(removed.host(), ShellException.Phase.COMMAND, "could not remove the stale"
                        + " known_hosts entry for " + entry + " on " + from.label() + ": " + NodeCommands.firstLine(removed));
            }
            changes.add("removed the stale known_hosts entry for " + entry + " on " + from.label()
                    + " (kept in " + knownHosts + ".old)");
        }
        return hostnameListed;
    }

    /** The SSH port of a node as the user gave it (HOST:PORT), 22 otherwise. */
    static int sshPort(Node node) {
        try {
            return HostAndPort.parse("host", node.name(), HostAndPort.SSH_PORT).port();
        } catch (IllegalArgumentException e) {
            return HostAndPort.SSH_PORT;
        }
    }
}
