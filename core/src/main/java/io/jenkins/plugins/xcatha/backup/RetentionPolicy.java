package io.jenkins.plugins.xcatha.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which backups to remove. Both limits cap: a successful backup survives only while it is among the newest
 * {@code keep} AND (with {@code maxAgeDays}) younger than that; the newest successful backup and the one just
 * made always survive. Only what is provably ours is ever removed: complete backups that carry our metadata,
 * and half-written {@code .partial-} dumps older than a grace period.
 *
 * <p>Times come from backup names (written from the node's clock) and "now" from the node's clock, so a
 * skewed controller clock cannot age a backup. A backup dated in the future (the node's clock was ahead and
 * has been corrected) is kept and reported: its age is unknown, and deleting it could lose the newest data.
 */
public final class RetentionPolicy {
    /** A backup this far ahead of the node's clock is treated as dated in the future. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** A half-written dump younger than this may still be running elsewhere (a lock broken as stale). */
    public static final Duration DEFAULT_PARTIAL_GRACE = Duration.ofHours(24);

    private final int keep;
    private final OptionalInt maxAgeDays;
    private final Duration partialGrace;

    public RetentionPolicy(int keep, OptionalInt maxAgeDays, Duration partialGrace) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        this.keep = keep;
        this.maxAgeDays = Objects.requireNonNull(maxAgeDays, "maxAgeDays");
        this.partialGrace = Objects.requireNonNull(partialGrace, "partialGrace");
    }

    public static RetentionPolicy from(DbBackupOptions options) {
        return new RetentionPolicy(options.keep(), options.maxAgeDays(), DEFAULT_PARTIAL_GRACE);
    }

    /**
     * @param stored     every entry with our name pattern under the backup root
     * @param now        the node's clock
     * @param justMade   the backup this run made (always kept), or null (check mode, failed run)
     */
    public RetentionPlan plan(Collection<StoredBackup> stored, Instant now, BackupName justMade) {
        List<RetentionPlan.Removal> removals = new ArrayList<>();
        List<BackupName> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant futureLimit = now.plus(FUTURE_TOLERANCE);

        List<StoredBackup> dated = new ArrayList<>();
        for (StoredBackup b : stored) {
            if (b.partial()) {
                planPartial(b, now, justMade, removals, notes);
            } else if (!b.ours()) {
                notes.add(b.name() + " has no db-backup metadata: not ours, left alone");
            } else if (b.name().createdAt().isAfter(futureLimit)) {
                kept.add(b.name());
                notes.add(b.name() + " is dated in the future by the node's clock: kept; check the node's time");
            } else {
                dated.add(b);
            }
        }
        dated.sort(Comparator.comparing(StoredBackup::name).reversed());
        for (int i = 0; i < dated.size(); i++) {
            BackupName name = dated.get(i).name();
            String reason = null;
            if (i >= keep) {
                reason = "beyond the newest " + keep;
            } else if (maxAgeDays.isPresent()
                    && name.createdAt().isBefore(now.minus(Duration.ofDays(maxAgeDays.getAsInt())))) {
                reason = "older than " + maxAgeDays.getAsInt() + " days";
            }
            if (reason == null || i == 0 || name.equals(justMade)) {
                kept.add(name);
            } else {
                removals.add(new RetentionPlan.Removal(dated.get(i), reason));
            }
        }
        kept.sort(Comparator.reverseOrder());
        return new RetentionPlan(removals, kept, notes);
    }

    private void planPartial(StoredBackup b, Instant now, BackupName justMade, List<RetentionPlan.Removal> removals,
                             List<String> notes) {
        if (b.name().equals(justMade)) {
            return;
        }
        if (b.name().createdAt().isBefore(now.minus(partialGrace))) {
            removals.add(new RetentionPlan.Removal(b, "half-written dump older than " + partialGrace.toHours()
                    + " hours"));
        } else {
            notes.add(b.directoryName() + " is a half-written dump younger than " + partialGrace.toHours()
                    + " hours: left alone");
        }
    }
}
