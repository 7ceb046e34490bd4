package io.jenkins.plugins.xcatha.xcat;

import java.util.Optional;

/**
 * {@code ntpq -p}: a header, a {@code ====} rule, then one row per peer whose first character is the tally
 * code; {@code *} marks the system peer, i.e. the clock is synchronised to it.
 */
public final class NtpqPeers {
    private final String systemPeer;
    private final int peers;

    private NtpqPeers(String systemPeer, int peers) {
        this.systemPeer = systemPeer;
        this.peers = peers;
    }

    public static NtpqPeers parse(String stdout) {
        String peer = null;
        int count = 0;
        boolean pastRule = false;
        for (String line : (stdout == null ? "" : stdout).split("\n")) {
            if (line.startsWith("====")) {
                pastRule = true;
                continue;
            }
            if (!pastRule || line.isBlank()) {
                continue;
            }
            count++;
            if (line.charAt(0) == '*' && peer == null) {
                String[] fields = line.substring(1).strip().split("\\s+");
                peer = fields[0];
            }
        }
        return new NtpqPeers(peer, count);
    }

    public boolean synchronised() {
        return systemPeer != null;
    }

    /** The peer marked {@code *}. */
    public Optional<String> systemPeer() {
        return Optional.ofNullable(systemPeer);
    }

    public int peerCount() {
        return peers;
    }
}
