package io.jenkins.plugins.xcatha.backup;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What retention removes (with why), what it keeps, and what it noticed but left alone. */
public record RetentionPlan(List<Removal> removals, List<BackupName> kept, List<String> notes) {

    public RetentionPlan {
        removals = List.copyOf(removals);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }

    /** One entry to remove and the rule that removes it. */
    public record Removal(StoredBackup backup, String reason) {
        public Removal {
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return backup.directoryName() + " (" + reason + ")";
        }
    }

    public List<String> removedDirectoryNames() {
        return removals.stream().map(r -> r.backup().directoryName()).collect(Collectors.toList());
    }
}
