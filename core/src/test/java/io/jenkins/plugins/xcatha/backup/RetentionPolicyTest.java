package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.Test;

public class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static BackupName daysAgo(double days) {
        return BackupName.at(NOW.minusSeconds((long) (days * 86400)), 1);
    }

    private static StoredBackup ours(double daysAgo) {
        return StoredBackup.complete(daysAgo(daysAgo), 100);
    }

    private static RetentionPolicy keep(int n) {
        return new RetentionPolicy(n, OptionalInt.empty(), Duration.ofHours(24));
    }

    private static List<String> removed(RetentionPlan plan) {
        return plan.removedDirectoryNames();
    }

    private static String name(double daysAgo) {
        return daysAgo(daysAgo).value();
    }

    @Test
    public void keepsTheNewestNAndRemovesTheRest() {
        List<StoredBackup> stored = List.of(ours(0), ours(1), ours(2), ours(3), ours(4));
        RetentionPlan plan = keep(3).plan(stored, NOW, daysAgo(0));
        assertThat(removed(plan), containsInAnyOrder(name(3), name(4)));
        assertThat(plan.kept().stream().map(BackupName::value).collect(Collectors.toList()),
                contains(name(0), name(1), name(2)));
    }

    @Test
    public void nothingToRemoveWithinTheLimits() {
        assertThat(removed(keep(7).plan(List.of(ours(0), ours(1)), NOW, daysAgo(0))), empty());
    }

    @Test
    public void maxAgeRemovesOldBackupsButNeverTheNewest() {
        RetentionPolicy policy = new RetentionPolicy(10, OptionalInt.of(7), Duration.ofHours(24));
        assertThat(removed(policy.plan(List.of(ours(1), ours(6), ours(8), ours(30)), NOW, daysAgo(1))),
                containsInAnyOrder(name(8), name(30)));
        // Backups failed for a month: the last successful one survives whatever its age.
        RetentionPlan stale = policy.plan(List.of(ours(40), ours(41)), NOW, null);
        assertThat(removed(stale), contains(name(41)));
        assertThat(stale.kept(), contains(daysAgo(40)));
    }

    @Test
    public void bothLimitsCap() {
        RetentionPolicy policy = new RetentionPolicy(2, OptionalInt.of(30), Duration.ofHours(24));
        assertThat(removed(policy.plan(List.of(ours(0), ours(1), ours(2), ours(40)), NOW, daysAgo(0))),
                containsInAnyOrder(name(2), name(40)));
    }

    @Test
    public void neverTouchesWhatItCannotProveIsOurs() {
        List<StoredBackup> stored = List.of(ours(0), ours(1),
                StoredBackup.unrecognised(daysAgo(20)), StoredBackup.unrecognised(daysAgo(30)));
        RetentionPlan plan = keep(1).plan(stored, NOW, daysAgo(0));
        assertThat(removed(plan), contains(name(1)));
        assertThat(plan.notes(), hasItem(containsString(name(20) + " has no db-backup metadata")));
    }

    @Test
    public void aBackupDatedInTheFutureIsKeptAndReportedWithoutCrowdingOutRealOnes() {
        BackupName future = BackupName.at(NOW.plus(Duration.ofDays(365)), 1);
        List<StoredBackup> stored = new ArrayList<>(List.of(StoredBackup.complete(future, 1), ours(0), ours(1), ours(2)));
        RetentionPlan plan = keep(2).plan(stored, NOW, daysAgo(0));
        assertThat(removed(plan), contains(name(2)));
        assertThat(plan.kept(), contains(future, daysAgo(0), daysAgo(1)));
        assertThat(plan.notes(), hasItem(containsString(future + " is dated in the future")));
    }

    @Test
    public void theBackupJustMadeSurvivesEvenWhenTheClockWentBack() {
        // The node's clock was a year ahead for a while, then corrected: the new backup sorts oldest.
        BackupName justMade = daysAgo(0);
        List<StoredBackup> stored = List.of(StoredBackup.complete(justMade, 1), ours(-0.001), ours(3), ours(4));
        RetentionPlan plan = keep(1).plan(stored, NOW, justMade);
        assertThat(plan.kept(), hasItem(justMade));
        assertThat(removed(plan), containsInAnyOrder(name(3), name(4)));
    }

    @Test
    public void halfWrittenDumpsGoOnlyAfterTheGracePeriod() {
        List<StoredBackup> stored = List.of(ours(0), StoredBackup.partial(daysAgo(2)),
                StoredBackup.partial(daysAgo(0.5)), StoredBackup.partial(BackupName.at(NOW.plusSeconds(86400 * 3), 1)));
        RetentionPlan plan = keep(7).plan(stored, NOW, daysAgo(0));
        assertThat(removed(plan), contains(".partial-" + name(2)));
        assertThat(plan.notes(), hasItem(containsString(".partial-" + name(0.5) + " is a half-written dump younger")));
    }

    @Test
    public void checkModePlanProtectsTheNewestExistingBackup() {
        RetentionPlan plan = keep(1).plan(List.of(ours(1), ours(2), ours(3)), NOW, null);
        assertThat(removed(plan), containsInAnyOrder(name(2), name(3)));
        assertThat(plan.kept(), contains(daysAgo(1)));
    }

    @Test
    public void twoBackupsInOneSecondKeepTheirOrder() {
        BackupName first = BackupName.parse("xcatdb-20261126T110000Z").orElseThrow();
        BackupName second = BackupName.parse("xcatdb-20261126T110000Z-2").orElseThrow();
        RetentionPlan plan = keep(1).plan(List.of(StoredBackup.complete(second, 1), StoredBackup.complete(first, 1)),
                NOW, second);
        assertThat(removed(plan), contains(first.value()));
    }
}
