package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.xcat.PublicKeyLine;
import java.util.Set;

/**
 * Who a node says it is: its host name ({@code hostname}), the addresses on its interfaces (loopback left
 * out), and the public host keys its sshd is configured with.
 */
public record NodeIdentity(String hostname, Set<String> addresses, Set<PublicKeyLine> hostKeys) {

    public NodeIdentity {
        addresses = Set.copyOf(addresses);
        hostKeys = Set.copyOf(hostKeys);
    }

    public String shortName() {
        int dot = hostname.indexOf('.');
        return dot > 0 ? hostname.substring(0, dot) : hostname;
    }

    /** Two nodes with the very same set of host keys are one machine (or clones that must not pair). */
    public boolean sameHostKeys(NodeIdentity other) {
        return !hostKeys.isEmpty() && hostKeys.equals(other.hostKeys);
    }
}
