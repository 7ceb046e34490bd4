package io.jenkins.plugins.xcatha.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one backup: {@code xcatdb-20261126T010203Z}, with {@code -2}, {@code -3}... when two runs start
 * in the same second. UTC and fixed width, so names sort in time order. While it is written the dump lives
 * under {@code .partial-<name>}, a name no one mistakes for a complete backup.
 */
public record BackupName(String value, Instant createdAt) implements Comparable<BackupName> {
    public static final String PREFIX = "xcatdb-";
    public static final String PARTIAL_PREFIX = ".partial-";
    private static final Pattern NAME = Pattern.compile("xcatdb-(\\d{8}T\\d{6}Z)(?:-([1-9]\\d{0,3}))?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The name for a backup taken at {@code time} (node clock), {@code sequence} 1 for the first of a second. */
    public static BackupName at(Instant time, int sequence) {
        String stamp = STAMP.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
        String value = PREFIX + stamp + (sequence > 1 ? "-" + sequence : "");
        return parse(value).orElseThrow();
    }

    /** The backup name in {@code text}, or empty when it is not one of ours (another tool's, an odd date). */
    public static Optional<BackupName> parse(String text) {
        Matcher m = NAME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant created = LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new BackupName(text, created));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The backup behind a half-written directory name ({@code .partial-xcatdb-...}), if it is ours. */
    public static Optional<BackupName> parsePartial(String text) {
        return text.startsWith(PARTIAL_PREFIX) ? parse(text.substring(PARTIAL_PREFIX.length())) : Optional.empty();
    }

    public String partialName() {
        return PARTIAL_PREFIX + value;
    }

    /** The SHA-256 manifest beside the dump directory (not inside: restorexCATdb replays every file there). */
    public String manifestName() {
        return value + ".sha256";
    }

    /** The metadata beside the dump directory; its presence marks the backup complete. */
    public String metadataName() {
        return value + ".json";
    }

    public String archiveName() {
        return value + ".tar.gz";
    }

    @Override
    public int compareTo(BackupName other) {
        int byTime = createdAt.compareTo(other.createdAt);
        return byTime != 0 ? byTime : Integer.compare(sequence(), other.sequence());
    }

    private int sequence() {
        Matcher m = NAME.matcher(value);
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
    }

    @Override
    public String toString() {
        return value;
    }
}
