package io.jenkins.plugins.xcatha.xcat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ssh-keygen -lf FILE}: {@code BITS SHA256:... COMMENT (TYPE)}; older OpenSSH prints MD5 hex pairs. */
public final class HostKeyFingerprint {
    private static final Pattern FINGERPRINT = Pattern.compile(
            "(?m)^\\d+\\s+((?:SHA256|MD5):\\S+|(?:[0-9a-f]{2}:){15}[0-9a-f]{2})");

    private HostKeyFingerprint() {
    }

    public static Optional<String> parse(String stdout) {
        Matcher m = FINGERPRINT.matcher(stdout == null ? "" : stdout);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
