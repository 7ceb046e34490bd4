package io.jenkins.plugins.xcatha.xcat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSSH public key as it appears in {@code id_rsa.pub}, {@code authorized_keys} (possibly after
 * options such as {@code from="..."}), {@code known_hosts} (after the host patterns) or a host key file.
 * Two lines name the same key when type and base64 body match; the comment does not count.
 */
public record PublicKeyLine(String type, String base64) {
    private static final Pattern KEY = Pattern.compile(
            "(?:^|\\s)((?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-[A-Za-z0-9-]+|sk-[A-Za-z0-9@.-]+)"
                    + "(?:-cert-v01@openssh\\.com)?)\\s+([A-Za-z0-9+/]+={0,3})(?=\\s|$)");

    /** The first key found in the line, wherever its options or host patterns end. */
    public static Optional<PublicKeyLine> find(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(l);
        return m.find() ? Optional.of(new PublicKeyLine(m.group(1), m.group(2))) : Optional.empty();
    }

    /** Every key of a multi-line text (an authorized_keys file, several .pub files). */
    public static List<PublicKeyLine> findAll(String text) {
        List<PublicKeyLine> keys = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\n")) {
            find(line).ifPresent(keys::add);
        }
        return keys;
    }

    /** For messages: type and the last characters of the body, never a whole key. */
    public String shortForm() {
        return type + " ..." + base64.substring(Math.max(0, base64.length() - 12));
    }
}
