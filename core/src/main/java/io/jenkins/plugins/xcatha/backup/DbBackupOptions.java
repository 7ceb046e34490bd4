package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Validate;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What a db-backup run is asked to do. Immutable; built with {@link #builder()}, whose {@link Builder#build()}
 * validates every field before anything touches a node. Field names follow the shared option vocabulary
 * ({@code backupRoot}, {@code keep}, {@code maxAgeDays}, {@code allTables}, {@code nativeBackup},
 * {@code collect}...), so an error names the option the user typed.
 */
public final class DbBackupOptions {
    public static final String DEFAULT_BACKUP_ROOT = "/var/backup/xcat";
    public static final int DEFAULT_KEEP = 7;
    /** A dump through xcatd takes about 16 s, one with XCATBYPASS about 8 times longer: ample margin. */
    public static final int DEFAULT_DUMP_TIMEOUT_SECONDS = 1800;
    public static final int DEFAULT_MIN_FREE_MEGABYTES = 64;
    public static final int DEFAULT_MAX_ROW_LOSS_PERCENT = 50;
    public static final int DEFAULT_LOCK_WAIT_SECONDS = 600;
    public static final List<String> DEFAULT_ESSENTIAL_TABLES = List.of("site", "passwd", "policy");

    /*
     * dumpxCATdb hands the directory to `mkdir -p` and `tabdump -f DIR/t.csv` through a shell without
     * quoting, so a root with spaces or shell characters would be split or expanded by xCAT itself.
     */
    private static final Pattern DUMPABLE_PATH = Pattern.compile("/[A-Za-z0-9_./+@:,=-]*");

    private final String backupRoot;
    private final int keep;
    private final Integer maxAgeDays;
    private final boolean allTables;
    private final boolean nativeBackup;
    private final boolean collect;
    private final Path collectDirectory;
    private final boolean useBypass;
    private final int dumpTimeoutSeconds;
    private final int minFreeMegabytes;
    private final List<String> essentialTables;
    private final int maxRowLossPercent;
    private final List<String> acceptRowLoss;
    private final int lockWaitSeconds;
    private final Vocabulary vocabulary;
    private final String heldLockToken;

    private DbBackupOptions(Builder b) {
        this.backupRoot = backupRoot(b.backupRoot);
        this.keep = Validate.between("keep", b.keep, 1, 10_000);
        this.maxAgeDays = b.maxAgeDays == null ? null : Validate.between("maxAgeDays", b.maxAgeDays, 1, 36_500);
        this.allTables = b.allTables;
        this.nativeBackup = b.nativeBackup;
        if (nativeBackup && allTables) {
            throw new InvalidInputException("nativeBackup",
                    "true cannot be combined with allTables=true (dumpxCATdb -b takes no -a: a native backup always holds every table)");
        }
        this.collect = b.collect;
        if (collect && b.collectDirectory == null) {
            throw new InvalidInputException("collect",
                    "true needs a local destination directory (the workspace, or the CLI's --out)");
        }
        this.collectDirectory = b.collectDirectory == null ? null : b.collectDirectory.toAbsolutePath().normalize();
        this.useBypass = b.useBypass;
        this.dumpTimeoutSeconds = Validate.between("dumpTimeoutSeconds", b.dumpTimeoutSeconds, 10, 86_400);
        this.minFreeMegabytes = Validate.between("minFreeMegabytes", b.minFreeMegabytes, 0, 10_000_000);
        this.essentialTables = tables("essentialTables", b.essentialTables);
        this.maxRowLossPercent = Validate.between("maxRowLossPercent", b.maxRowLossPercent, 0, 100);
        this.acceptRowLoss = tables("acceptRowLoss", b.acceptRowLoss);
        this.lockWaitSeconds = Validate.between("lockWaitSeconds", b.lockWaitSeconds, 0, 86_400);
        this.vocabulary = Objects.requireNonNull(b.vocabulary, "vocabulary");
        this.heldLockToken = b.heldLockToken;
    }

    private static String backupRoot(String value) {
        String path = Validate.absolutePath("backupRoot", value);
        if (!path.startsWith("/")) {
            throw new InvalidInputException("backupRoot", "'" + path + "' must start with '/' (a '~' is not expanded"
                    + " on the node)");
        }
        if (!DUMPABLE_PATH.matcher(path).matches()) {
            throw new InvalidInputException("backupRoot", "'" + path + "' contains characters dumpxCATdb cannot"
                    + " handle (it passes the path through a shell unquoted); use letters, digits and _ . / + @ : , = -");
        }
        if (path.equals("/")) {
            throw new InvalidInputException("backupRoot", "'/' is not a backup directory; use e.g. "
                    + DEFAULT_BACKUP_ROOT);
        }
        return path;
    }

    private static List<String> tables(String field, Collection<String> names) {
        LinkedHashSet<String> tables = new LinkedHashSet<>();
        for (String name : names) {
            String table = Validate.name(field, name);
            if (!table.matches("[A-Za-z0-9_]+")) {
                throw new InvalidInputException(field, "'" + name + "' is not an xCAT table name");
            }
            tables.add(table);
        }
        return List.copyOf(tables);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change one or two of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.backupRoot = backupRoot;
        b.keep = keep;
        b.maxAgeDays = maxAgeDays;
        b.allTables = allTables;
        b.nativeBackup = nativeBackup;
        b.collect = collect;
        b.collectDirectory = collectDirectory;
        b.useBypass = useBypass;
        b.dumpTimeoutSeconds = dumpTimeoutSeconds;
        b.minFreeMegabytes = minFreeMegabytes;
        b.essentialTables = new ArrayList<>(essentialTables);
        b.maxRowLossPercent = maxRowLossPercent;
        b.acceptRowLoss = new ArrayList<>(acceptRowLoss);
        b.lockWaitSeconds = lockWaitSeconds;
        b.vocabulary = vocabulary;
        b.heldLockToken = heldLockToken;
        return b;
    }

    /** The directory on the node that holds every backup, the lock and the half-written dumps. */
    public String backupRoot() {
        return backupRoot;
    }

    /** How many successful backups retention keeps at most (the newest one is always kept). */
    public int keep() {
        return keep;
    }

    /** Successful backups older than this are removed (except the newest); empty: no age limit. */
    public OptionalInt maxAgeDays() {
        return maxAgeDays == null ? OptionalInt.empty() : OptionalInt.of(maxAgeDays);
    }

    /** {@code dumpxCATdb -a}: also eventlog and auditlog. */
    public boolean allTables() {
        return allTables;
    }

    /** {@code dumpxCATdb -b}: the engine's own backup (PostgreSQL, DB2 only). */
    public boolean nativeBackup() {
        return nativeBackup;
    }

    /** Bring the backup into the build as one verified .tar.gz in {@link #collectDirectory()}. */
    public boolean collect() {
        return collect;
    }

    /** The local directory (workspace, CLI --out) that receives the archive; null unless collecting. */
    public Path collectDirectory() {
        return collectDirectory;
    }

    /** Dump with {@code XCATBYPASS=1} (xcatd down): about 8 times slower, and lsxcatd is then no liveness probe. */
    public boolean useBypass() {
        return useBypass;
    }

    public int dumpTimeoutSeconds() {
        return dumpTimeoutSeconds;
    }

    /** The free space floor; the previous backup's size raises the requirement when it is larger. */
    public int minFreeMegabytes() {
        return minFreeMegabytes;
    }

    /**
     * Tables that must be in every backup, and must not lose their rows: one that had rows in the previous
     * backup and has none now fails the backup. One that never had rows (passwd on a freshly initialised
     * management node) is noted, not failed.
     */
    public List<String> essentialTables() {
        return essentialTables;
    }

    /**
     * Tables whose rows were removed on purpose: for this run only, their loss against the previous backup is
     * accepted and recorded in the report; the next backup compares with this one.
     */
    public List<String> acceptRowLoss() {
        return acceptRowLoss;
    }

    /** How messages name options: Pipeline parameters or CLI flags. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The token of the node's backup lock when the caller (a restore taking its safety backup) already holds it:
     * the backup then neither takes nor releases the lock. Null: the backup takes the lock itself.
     */
    public String heldLockToken() {
        return heldLockToken;
    }

    /** A table that lost more than this share of its rows since the previous backup fails the backup. */
    public int maxRowLossPercent() {
        return maxRowLossPercent;
    }

    /** How long a run waits for another backup of the same node to finish; 0 fails at once. */
    public int lockWaitSeconds() {
        return lockWaitSeconds;
    }

    @Override
    public String toString() {
        return "DbBackupOptions{backupRoot=" + backupRoot + ", keep=" + keep + ", maxAgeDays=" + maxAgeDays
                + ", allTables=" + allTables + ", nativeBackup=" + nativeBackup + ", collect=" + collect
                + ", useBypass=" + useBypass + ", dumpTimeoutSeconds=" + dumpTimeoutSeconds + ", minFreeMegabytes="
                + minFreeMegabytes + ", essentialTables=" + essentialTables + ", maxRowLossPercent="
                + maxRowLossPercent + ", acceptRowLoss=" + acceptRowLoss + ", lockWaitSeconds=" + lockWaitSeconds + "}";
    }

    /** Collects options; {@link #build()} validates them all. */
    public static final class Builder {
        private String backupRoot = DEFAULT_BACKUP_ROOT;
        private int keep = DEFAULT_KEEP;
        private Integer maxAgeDays;
        private boolean allTables;
        private boolean nativeBackup;
        private boolean collect;
        private Path collectDirectory;
        private boolean useBypass;
        private int dumpTimeoutSeconds = DEFAULT_DUMP_TIMEOUT_SECONDS;
        private int minFreeMegabytes = DEFAULT_MIN_FREE_MEGABYTES;
        private List<String> essentialTables = new ArrayList<>(DEFAULT_ESSENTIAL_TABLES);
        private int maxRowLossPercent = DEFAULT_MAX_ROW_LOSS_PERCENT;
        private List<String> acceptRowLoss = new ArrayList<>();
        private int lockWaitSeconds = DEFAULT_LOCK_WAIT_SECONDS;
        private Vocabulary vocabulary = Vocabulary.PIPELINE;
        private String heldLockToken;

        private Builder() {
        }

        public Builder backupRoot(String value) {
            this.backupRoot = value;
            return this;
        }

        public Builder keep(int value) {
            this.keep = value;
            return this;
        }

        /** Null: no age limit. */
        public Builder maxAgeDays(Integer value) {
            this.maxAgeDays = value;
            return this;
        }

        public Builder allTables(boolean value) {
            this.allTables = value;
            return this;
        }

        public Builder nativeBackup(boolean value) {
            this.nativeBackup = value;
            return this;
        }

        /** Collect into {@code directory}; null turns collecting off. */
        public Builder collectInto(Path directory) {
            this.collect = directory != null;
            this.collectDirectory = directory;
            return this;
        }

        public Builder collect(boolean value) {
            this.collect = value;
            return this;
        }

        public Builder collectDirectory(Path directory) {
            this.collectDirectory = directory;
            return this;
        }

        public Builder useBypass(boolean value) {
            this.useBypass = value;
            return this;
        }

        public Builder dumpTimeoutSeconds(int value) {
            this.dumpTimeoutSeconds = value;
            return this;
        }

        public Builder minFreeMegabytes(int value) {
            this.minFreeMegabytes = value;
            return this;
        }

        public Builder essentialTables(Collection<String> tables) {
            this.essentialTables = new ArrayList<>(Objects.requireNonNull(tables, "essentialTables"));
            return this;
        }

        public Builder maxRowLossPercent(int value) {
            this.maxRowLossPercent = value;
            return this;
        }

        public Builder acceptRowLoss(Collection<String> tables) {
            this.acceptRowLoss = new ArrayList<>(Objects.requireNonNull(tables, "acceptRowLoss"));
            return this;
        }

        public Builder heldLockToken(String token) {
            this.heldLockToken = token;
            return this;
        }

        public Builder vocabulary(Vocabulary value) {
            this.vocabulary = value;
            return this;
        }

        public Builder lockWaitSeconds(int value) {
            this.lockWaitSeconds = value;
            return this;
        }

        public DbBackupOptions build() {
            return new DbBackupOptions(this);
        }
    }
}
