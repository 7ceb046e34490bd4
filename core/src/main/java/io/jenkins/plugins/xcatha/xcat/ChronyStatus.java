package io.jenkins.plugins.xcatha.xcat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code chronyc tracking} ({@code Leap status : Normal}; {@code Not synchronised} when it is not) and
 * {@code chronyc sources} (a row starting {@code ^*} or {@code =*} is the source chronyd is synced to).
 */
public final class ChronyStatus {
    private static final Pattern LEAP = Pattern.compile("(?m)^Leap status\\s*:\\s*(.+?)\\s*$");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^Reference ID\\s*:\\s*\\S+\\s*\\(([^)]*)\\)");
    private static final Pattern SYNCED_SOURCE = Pattern.compile("(?m)^[\\^=#]\\*\\s+(\\S+)");

    private ChronyStatus() {
    }

    /** Empty when the output has no Leap status line (not chrony, or chronyd not running). */
    public static Optional<Boolean> trackingSynchronised(String trackingStdout) {
        Matcher m = LEAP.matcher(trackingStdout == null ? "" : trackingStdout);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(!m.group(1).equalsIgnoreCase("Not synchronised"));
    }

    public static Optional<String> trackingReference(String trackingStdout) {
        Matcher m = REFERENCE.matcher(trackingStdout == null ? "" : trackingStdout);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The source marked {@code *}, if any. */
    public static Optional<String> syncedSource(String sourcesStdout) {
        Matcher m = SYNCED_SOURCE.matcher(sourcesStdout == null ? "" : sourcesStdout);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
