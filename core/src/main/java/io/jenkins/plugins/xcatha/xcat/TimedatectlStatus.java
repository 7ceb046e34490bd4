package io.jenkins.plugins.xcatha.xcat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code timedatectl} / {@code timedatectl status} ({@code System clock synchronized: yes}, older systemd
 * {@code NTP synchronized: yes}) and {@code timedatectl show} ({@code NTPSynchronized=yes}).
 */
public final class TimedatectlStatus {
    private static final Pattern HUMAN = Pattern.compile(
            "(?m)^\\s*(?:System clock|NTP) synchronized:\\s*(yes|no)\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^NTPSynchronized=(yes|no)\\s*$");

    private TimedatectlStatus() {
    }

    /** Empty when neither spelling is present. */
    public static Optional<Boolean> synchronised(String stdout) {
        String text = stdout == null ? "" : stdout;
        Matcher m = HUMAN.matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1).equals("yes"));
        }
        m = PROPERTY.matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1).equals("yes"));
        }
        return Optional.empty();
    }
}
