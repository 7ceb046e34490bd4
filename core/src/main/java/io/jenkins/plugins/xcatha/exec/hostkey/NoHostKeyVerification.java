package io.jenkins.plugins.xcatha.exec.hostkey;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Accepts any host key. Anyone on the network path can then impersonate the node and receive the
 * commands (and database dumps) meant for it, so every connection sends a warning to the callback,
 * which should reach the build log or the terminal.
 */
public final class NoHostKeyVerification extends HostKeyVerification {
    private final Consumer<String> warnings;

    public NoHostKeyVerification(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public void verify(String host, int port, HostKey offered) {
        warnings.accept(warning(host, port, offered.toString()));
    }

    private static String warning(String host, int port, String key) {
        return "WARNING: host key verification is OFF: accepted " + key + " from " + where(host, port)
                + " without checking it. Anyone who can intercept the connection can pose as this node."
                + " Choose a known_hosts file, a pinned key or trust on first use.";
    }

    @Override
    public List<String> expectedFingerprints(String host, int port) {
        return List.of();
    }

    @Override
    public List<String> openSshOptions(OpenSshHostKeyContext context) {
        warnings.accept(warning(context.host(), context.port(), "whatever key was offered"));
        return List.of("StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "GlobalKnownHostsFile=/dev/null");
    }

    @Override
    public String description() {
        return "no host key verification";
    }
}
