package io.jenkins.plugins.xcatha.backup;

import java.util.Objects;

/**
 * One entry under the backup root that carries our name pattern, as the node listed it.
 *
 * @param partial  a {@code .partial-} directory: a dump that never completed (failed, aborted, or running)
 * @param ours     a complete directory whose metadata file carries our schema marker; a directory with our
 *                 name pattern but without it may belong to someone else and is never touched
 * @param sizeKb   disk use of the dump directory, for the free-space estimate of the next run
 */
public record StoredBackup(BackupName name, boolean partial, boolean ours, long sizeKb) {

    public StoredBackup {
        Objects.requireNonNull(name, "name");
    }

    public static StoredBackup complete(BackupName name, long sizeKb) {
        return new StoredBackup(name, false, true, sizeKb);
    }

    public static StoredBackup partial(BackupName name) {
        return new StoredBackup(name, true, false, 0);
    }

    public static StoredBackup unrecognised(BackupName name) {
        return new StoredBackup(name, false, false, 0);
    }

    /** The directory name under the backup root. */
    public String directoryName() {
        return partial ? name.partialName() : name.value();
    }

    public boolean successful() {
        return !partial && ours;
    }
}
