package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepts only the host key(s) the operator pinned: whole public keys ({@code ssh-ed25519 AAAA...}) or
 * OpenSSH fingerprints ({@code SHA256:...}), one per line. Pin the RSA key (or its fingerprint) for
 * SSH clients that only speak {@code ssh-rsa}; an {@code ssh-rsa} pin also matches a key negotiated
 * as {@code rsa-sha2-256/512}, since the key is the same.
 */
public final class PinnedHostKeyVerification extends HostKeyVerification {
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
    static final String PIN_ALIAS = "xcat-ha-pinned-host";

    private final List<HostKey> keys = new ArrayList<>();
    private final List<String> fingerprints = new ArrayList<>();

    /**
     * @param pins one pin per line; blank lines and {@code #} comments are ignored
     * @throws IllegalArgumentException naming the line that is neither a key nor a SHA256 fingerprint
     */
    public PinnedHostKeyVerification(String pins) {
        for (String raw : pins.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("SHA256:")) {
                if (!FINGERPRINT.matcher(line).matches()) {
                    throw new IllegalArgumentException("host key pin '" + line + "' is not a SHA256 fingerprint"
                            + " (expected SHA256: and 43 base64 characters, as printed by ssh-keygen -lf)");
                }
                fingerprints.add(line);
            } else {
                HostKey key;
                try {
                    key = HostKey.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("host key pin: " + e.getMessage()
                            + "; give a public key line or a SHA256: fingerprint");
                }
                keys.add(key);
                fingerprints.add(key.fingerprint());
            }
        }
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("host key pin is empty: give the node's public host key"
                    + " (cat /etc/ssh/ssh_host_ed25519_key.pub) or its SHA256 fingerprint (ssh-keygen -lf ...)");
        }
    }

    @Override
    public void verify(String host, int port, HostKey offered) throws HostKeyRejectedException {
        if (!fingerprints.contains(offered.fingerprint())) {
            throw rejection(host, port, List.of(offered));
        }
    }

    private HostKeyRejectedException rejection(String host, int port, List<HostKey> offered) {
        String offeredText = String.join(", ", offered.stream().map(HostKey::toString).toList());
        String hint = "";
        Set<String> pinnedTypes = new LinkedHashSet<>(typesOfKeys());
        if (!pinnedTypes.isEmpty() && offered.stream().noneMatch(k -> pinnedTypes.contains(k.type()))) {
            String type = offered.isEmpty() ? "ssh-rsa" : offered.get(0).type();
            hint = " The pin holds only " + String.join(", ", pinnedTypes) + " keys; if this client can only"
                    + " negotiate " + type + ", pin that key too after checking it: "
                    + keyscanLine(host, port, type) + " | ssh-keygen -lf -";
        }
        return new HostKeyRejectedException("HOST KEY MISMATCH: " + where(host, port) + " offered " + offeredText
                + ", which is not the pinned key (expected " + String.join(" or ", fingerprints) + "). Someone may"
                + " be intercepting the connection, or the node was reinstalled: confirm the new key with the"
                + " node's administrator before changing the pin." + hint);
    }

    private List<String> typesOfKeys() {
        return KnownHostsFileVerification.typesOf(keys);
    }

    @Override
    public List<String> knownKeyTypes(String host, int port) {
        return typesOfKeys();
    }

    @Override
    public List<String> expectedFingerprints(String host, int port) {
        return List.copyOf(fingerprints);
    }

    /**
     * ssh checks the key itself against a private known_hosts file that holds only the pinned keys. Pins
     * given as fingerprints are first resolved to the keys the server offers now (ssh-keyscan), keeping
     * only those that match, so the connection that follows is held to exactly those keys.
     */
    @Override
    public List<String> openSshOptions(OpenSshHostKeyContext context)
            throws HostKeyRejectedException, IOException, InterruptedException {
        List<HostKey> trusted = new ArrayList<>(keys);
        if (keys.size() < fingerprints.size()) {
            List<HostKey> offered = context.scanHostKeys();
            for (HostKey k : offered) {
                if (fingerprints.contains(k.fingerprint()) && !trusted.contains(k)) {
                    trusted.add(k);
                }
            }
            if (trusted.isEmpty()) {
                throw rejection(context.host(), context.port(), offered);
            }
        }
        StringBuilder file = new StringBuilder();
        Set<String> algorithms = new LinkedHashSet<>();
        for (HostKey k : trusted) {
            file.append(PIN_ALIAS).append(' ').append(k.toKeyLine()).append('\n');
            algorithms.addAll(signatureAlgorithms(k.type()));
        }
        Path pinned = context.privateDirectory().resolve("pinned_known_hosts");
        Files.writeString(pinned, file.toString(), StandardCharsets.UTF_8);
        return List.of("UserKnownHostsFile=" + configPath(pinned), "GlobalKnownHostsFile=/dev/null",
                "StrictHostKeyChecking=yes", "HostKeyAlias=" + PIN_ALIAS,
                "HostKeyAlgorithms=" + String.join(",", algorithms));
    }

    @Override
    public String description() {
        return "pinned host key " + String.join(" or ", fingerprints);
    }
}
