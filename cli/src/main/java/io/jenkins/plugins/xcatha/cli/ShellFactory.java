package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.run.HostKeyChoice;
import io.jenkins.plugins.xcatha.run.ShellOpener;
import io.jenkins.plugins.xcatha.run.Shells;
import io.jenkins.plugins.xcatha.run.Transport;
import java.util.function.Consumer;

/** The connection flags as core's {@link Shells}: transport, credentials, host-key policy, timeouts. */
final class ShellFactory {
    private final Shells shells;

    ShellFactory(ConnectionOptions options, String passphrase, Consumer<String> notices) {
        Transport transport = options.effectiveTransport();
        SshCredentials credentials = options.identity == null ? SshCredentials.sshDefaults(options.user)
                : SshCredentials.identityFile(options.user, options.identity,
                        passphrase == null ? null : passphrase.toCharArray());
        this.shells = new Shells(transport, credentials, hostKeys(options).verification(notices),
                Shells.settings(options.connectTimeoutSeconds, options.commandTimeoutSeconds));
    }

    static HostKeyChoice hostKeys(ConnectionOptions options) {
        ConnectionOptions.HostKeyFlags flags = options.hostKeys;
        if (flags.knownHosts != null) {
            return HostKeyChoice.knownHosts(flags.knownHosts);
        }
        if (!flags.pins.isEmpty()) {
            return HostKeyChoice.pinned("--host-key", flags.pins);
        }
        if (flags.trustOnFirstUse) {
            return HostKeyChoice.trustOnFirstUse(null);
        }
        if (flags.noCheck) {
            return HostKeyChoice.none();
        }
        return HostKeyChoice.userKnownHosts();
    }

    ShellOpener opener(HostAndPort host) {
        return shells.opener(host);
    }
}
