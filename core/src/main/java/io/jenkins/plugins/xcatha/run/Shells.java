package io.jenkins.plugins.xcatha.run;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.local.LocalShell;
import io.jenkins.plugins.xcatha.exec.openssh.OpenSshShell;
import io.jenkins.plugins.xcatha.exec.trilead.TrileadShell;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Opens shells the way both front ends want them: the CLI from its flags, the plugin from step parameters.
 * An opener connects and logs in at once, so a wrong key or an unknown host fails before any step runs.
 */
public final class Shells {
    private final Transport transport;
    private final SshCredentials credentials;
    private final HostKeyVerification hostKeys;
    private final ShellSettings settings;

    public Shells(Transport transport, SshCredentials credentials, HostKeyVerification hostKeys,
                  ShellSettings settings) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.credentials = credentials;
        this.hostKeys = hostKeys;
        this.settings = Objects.requireNonNull(settings, "settings");
        if (transport != Transport.LOCAL) {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(hostKeys, "host key verification");
        }
    }

    /** The timeouts of DESIGN.md's vocabulary: connect (and key exchange, login) and per command. */
    public static ShellSettings settings(int connectTimeoutSeconds, int commandTimeoutSeconds) {
        Duration connect = Duration.ofSeconds(connectTimeoutSeconds);
        return ShellSettings.defaults().withConnectionTimeouts(connect, connect, connect)
                .withCommandTimeout(Duration.ofSeconds(commandTimeoutSeconds));
    }

    public Transport transport() {
        return transport;
    }

    public ShellOpener opener(HostAndPort address) {
        return switch (transport) {
            case LOCAL -> () -> new LocalShell(address.host(), List.of(), settings);
            case OPENSSH -> () -> connected(new OpenSshShell(address, credentials, hostKeys, settings),
                    OpenSshShell::connect);
            case TRILEAD -> () -> connected(new TrileadShell(address, credentials, hostKeys, settings),
                    TrileadShell::connect);
        };
    }

    /** Opening the connection of a shell that otherwise connects on its first command. */
    private interface Connect<S extends RemoteShell> {
        void connect(S shell) throws ShellException, InterruptedException;
    }

    /** Connects now, so that an unreachable node fails before the first step; a failed shell is closed. */
    private static <S extends RemoteShell> S connected(S shell, Connect<S> connect)
            throws ShellException, InterruptedException {
        try {
            connect.connect(shell);
            return shell;
        } catch (ShellException | InterruptedException | RuntimeException e) {
            shell.close();
            throw e;
        }
    }
}
