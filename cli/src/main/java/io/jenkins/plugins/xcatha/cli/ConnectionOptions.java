package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.run.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How to reach and log in to the nodes: the same choices a Jenkins step offers, as flags. */
final class ConnectionOptions {

    @Option(names = "--user", order = 11, paramLabel = "USER", defaultValue = "root",
            description = "Login user on the nodes (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--identity", order = 12, paramLabel = "FILE",
            description = "SSH private key (default: the ssh client's own keys and agent; trilead needs a PEM key).")
    Path identity;

    @Option(names = "--passphrase-file", order = 13, paramLabel = "FILE",
            description = "File whose first line is the private key's passphrase (never printed or recorded).")
    Path passphraseFile;

    @ArgGroup(exclusive = true, multiplicity = "0..1", order = 40,
            heading = "%nHost-key verification (default: known_hosts of the running user):%n")
    HostKeyFlags hostKeys = new HostKeyFlags();

    static final class HostKeyFlags {
        @Option(names = "--known-hosts", paramLabel = "FILE",
                description = "Verify host keys against this known_hosts file.")
        Path knownHosts;

        @Option(names = "--host-key", paramLabel = "SHA256:...",
                description = "Accept only this host key (fingerprint or public key line); repeat for each node.")
        List<String> pins = new ArrayList<>();

        @Option(names = "--trust-on-first-use",
                description = "Record unknown host keys in ~/.ssh/known_hosts, refuse changed ones.")
        boolean trustOnFirstUse;

        @Option(names = "--no-host-key-check",
                description = "Accept any host key (tests only: anyone in the middle can log in as you).")
        boolean noCheck;
    }

    @Option(names = "--local", order = 14,
            description = "Act on this machine instead of over SSH (it IS the node; same as --transport local).")
    boolean local;

    @Option(names = "--transport", converter = Converters.TransportConverter.class, order = 15,
            paramLabel = "openssh|trilead|local", defaultValue = "openssh",
            description = "openssh: the system ssh client (ssh_config, agent, every key type); trilead: the Java client the"
                    + " Jenkins plugin uses; local: this machine. Default: ${DEFAULT-VALUE}.")
    Transport transport;

    @Option(names = "--connect-timeout", order = 16, paramLabel = "SECONDS", defaultValue = "30",
            description = "Limit for connecting and logging in (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--command-timeout", order = 17, paramLabel = "SECONDS", defaultValue = "600",
            description = "Limit for one remote command (default: ${DEFAULT-VALUE}).")
    int commandTimeoutSeconds;

    Transport effectiveTransport() {
        if (local && transport != Transport.LOCAL && transport != Transport.OPENSSH) {
            throw new UsageException("--local", "cannot be combined with --transport " + name(transport));
        }
        return local ? Transport.LOCAL : transport;
    }

    static String name(Transport t) {
        return t.id();
    }

    /** Checks what can be checked before connecting: files exist, timeouts are sane. */
    void validate() {
        effectiveTransport();
        requireReadable("--identity", identity);
        requireReadable("--passphrase-file", passphraseFile);
        if (hostKeys.knownHosts != null) {
            requireReadable("--known-hosts", hostKeys.knownHosts);
        }
        if (effectiveTransport() == Transport.TRILEAD && identity == null) {
            throw new UsageException("--identity", "is required with --transport trilead (a PEM private key file:"
                    + " the Java client cannot use ssh-agent or ssh_config)");
        }
        if (passphraseFile != null && identity == null) {
            throw new UsageException("--passphrase-file", "needs --identity FILE (the key it unlocks)");
        }
        if (user == null || !user.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new UsageException("--user", "'" + user + "' is not a valid user name");
        }
        between("--connect-timeout", connectTimeoutSeconds, 1, 3600);
        between("--command-timeout", commandTimeoutSeconds, 1, 86_400);
        ShellFactory.hostKeys(this);
    }

    /** The passphrase, or null; its value is added to the redactor by the caller. */
    String passphrase() {
        if (passphraseFile == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (java.io.IOException e) {
            throw new UsageException("--passphrase-file", "cannot read '" + passphraseFile + "': " + e.getMessage());
        }
    }

    private static void requireReadable(String option, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new UsageException(option, "'" + file + "' does not exist or is not readable");
        }
    }

    static int between(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(option, value + " is out of range (" + min + " to " + max + ")");
        }
        return value;
    }
}
