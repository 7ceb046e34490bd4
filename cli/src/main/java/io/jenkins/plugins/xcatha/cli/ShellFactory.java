package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.run.ShellOpener;
import java.util.function.Consumer;

/** Turns the connection options into shells: OpenSSH, Trilead or this machine. */
final class ShellFactory {
    private final ConnectionOptions options;
    private final String passphrase;
    private final Consumer<String> notices;

    ShellFactory(ConnectionOptions options, String passphrase, Consumer<String> notices) {
        this.options = options;
        this.passphrase = passphrase;
        this.notices = notices;
    }

    ShellOpener opener(HostAndPort host) {
        return () -> {
            throw new ShellException(host.toString(), ShellException.Phase.CONNECT,
                    ConnectionOptions.name(options.effectiveTransport()) + " shells are not built yet");
        };
    }
}
