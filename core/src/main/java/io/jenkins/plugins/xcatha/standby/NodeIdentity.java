package io.jenkins.plugins.xcatha.standby;

import java.util.Optional;
import java.util.Set;

/**
 * Who a node says it is: its host name ({@code hostname}), the addresses on its interfaces (loopback left
 * out), and its SSH host key fingerprint when readable.
 */
record NodeIdentity(String hostname, Set<String> addresses, String hostKeyFingerprint) {

    NodeIdentity {
        addresses = Set.copyOf(addresses);
    }

    String shortName() {
        int dot = hostname.indexOf('.');
        return dot > 0 ? hostname.substring(0, dot) : hostname;
    }

    Optional<String> fingerprint() {
        return Optional.ofNullable(hostKeyFingerprint);
    }
}
