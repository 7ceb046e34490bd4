package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes one simulated pair differ from another in the commands a procedure sends: addresses, the
 * virtual IP, host keys and root keys (hostnames are the same in every pair). Commands recorded on one
 * pair are replayed on another by swapping these values, so the replay does the same work.
 */
final class PairIdentity {
    private static final List<String> HOST_KEY_TYPES = List.of("rsa", "ecdsa", "ed25519");

    private final List<String> addresses = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    private PairIdentity() {
    }

    /** For tests: the values in the same order as {@link #of} lists them. */
    PairIdentity(List<String> addresses, List<String> tokens) {
        this.addresses.addAll(addresses);
        this.tokens.addAll(tokens);
    }

    static PairIdentity of(SimulatedCluster cluster) {
        PairIdentity id = new PairIdentity();
        id.addresses.add(cluster.virtualIp());
        for (Node.Role role : Node.Role.values()) {
            SimulatedNode node = Lab.node(cluster, role);
            id.addresses.add(node.address());
            id.tokens.add(keyBlob(node.rootPublicKey()));
            for (String line : node.hostKeyLines().values()) {
                id.tokens.add(keyBlob(line));
            }
            for (String type : HOST_KEY_TYPES) {
                id.tokens.add(node.hostKeyFingerprint(type));
            }
        }
        return id;
    }

    private static String keyBlob(String publicKeyLine) {
        String[] f = publicKeyLine.strip().split("\\s+");
        return f.length >= 2 ? f[1] : f[0];
    }

    /** Rewrites text written for {@code from} so that it means the same on {@code this} pair. */
    String translate(String text, PairIdentity from) {
        String out = text;
        for (int i = 0; i < from.addresses.size(); i++) {
            // 127.1.2.3 must not match inside 127.1.2.34
            Pattern p = Pattern.compile("(?<![0-9.])" + Pattern.quote(from.addresses.get(i)) + "(?![0-9])");
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(addresses.get(i)));
        }
        for (int i = 0; i < from.tokens.size(); i++) {
            out = out.replace(from.tokens.get(i), tokens.get(i));
        }
        return out;
    }

    /** The same, for stdin: bytes kept as they are except the swapped ASCII values. */
    byte[] translate(byte[] data, PairIdentity from) {
        if (data == null) {
            return null;
        }
        String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        return translate(text, from).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    Map<String, String> summary() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("addresses", String.join(" ", addresses));
        return m;
    }
}
