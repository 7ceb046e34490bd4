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
            case OPENSSH -> () -> connected(new OpenSshShell(address, credentials, hostKeys, settings));
            case TRILEAD -> () -> connected(new TrileadShell(address, credentials, hostKeys, settings));
        };
    }

    private static RemoteShell connected(OpenSshShell shell) throws ShellException, InterruptedException {
        try {
            shell.connect();
            return shell;
        } catch (ShellException | InterruptedException | RuntimeException e) {
            shell.close();
            throw e;
        }
    }

    private static RemoteShell connected(TrileadShell shell) throws ShellException, InterruptedException {
        try {
            shell.connect();
            return shell;
        } catch (ShellException | InterruptedException | RuntimeException e) {
            shell.close();
            throw e;
        }
    }
}
