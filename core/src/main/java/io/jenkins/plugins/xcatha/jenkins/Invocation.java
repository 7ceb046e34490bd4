package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.backup.DbRestoreOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Validate;
import io.jenkins.plugins.xcatha.failover.FailoverOptions;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One call of {@code xcatStandbyPrepare} or {@code xcatDbBackup} (or their build steps) as plain data
 * that travels from the controller to the agent: hosts, login user, host-key policy and options in the
 * shared vocabulary. It never holds key material; that travels beside it as char arrays. The procedure
 * options are checked by the engine's own option builders ({@link StandbyPrepareOptions},
 * {@link DbBackupOptions}) when the invocation is built, so a bad value fails on the controller with the
 * same message the CLI gives.
 */
public final class Invocation implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Procedure {
        STANDBY_PREPARE("standby-prepare", "xcatStandbyPrepare"),
        DB_BACKUP("db-backup", "xcatDbBackup"),
        DB_RESTORE("db-restore", "xcatDbRestore"),
        FAILOVER("failover", "xcatFailover");

        private final String id;
        private final String stepName;

        Procedure(String id, String stepName) {
            this.id = id;
            this.stepName = stepName;
        }

        /** The procedure id: artifact folder and report name. */
        public String id() {
            return id;
        }

        /** The Pipeline function name, for messages. */
        public String stepName() {
            return stepName;
        }
    }

    public static final String DEFAULT_USER = "root";
    public static final int DEFAULT_COMMAND_TIMEOUT_SECONDS = 600;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;
    public static final int MAX_PORT = 65_535;
    public static final int MAX_COMMAND_TIMEOUT_SECONDS = 86_400;
    public static final int MAX_CONNECT_TIMEOUT_SECONDS = 3_600;
    public static final int DEFAULT_MAX_CLOCK_SKEW_SECONDS = StandbyPrepareOptions.DEFAULT_MAX_CLOCK_SKEW_SECONDS;
    public static final int DEFAULT_KEEP = DbBackupOptions.DEFAULT_KEEP;
    public static final int DEFAULT_DUMP_TIMEOUT_SECONDS = DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS;
    /** Typed into hpcDaemons, stops no HPC daemon (blank stops all four). */
    public static final String NO_HPC_DAEMONS = "none";

    private final Procedure procedure;
    private final String primary;
    private final String standby;
    private final int port;
    private final String user;
    private final HostKeySetting hostKey;
    private final boolean local;
    private final boolean checkMode;
    private final int commandTimeoutSeconds;
    private final int connectTimeoutSeconds;
    private final ArrayList<String> sharedDirs;
    private final ArrayList<String> hpcDaemons;
    private final int maxClockSkewSeconds;
    private final String ntpServer;
    private final boolean generateKeys;
    private final boolean backupDatabase;
    private final String backupRoot;
    private final int keep;
    private final Integer maxAgeDays;
    private final boolean allTables;
    private final boolean nativeBackup;
    private final boolean collect;
    private final boolean useBypass;
    private final ArrayList<String> essentialTables;
    private final ArrayList<String> acceptRowLoss;
    private final int dumpTimeoutSeconds;
    private final String restoreBackup;
    private final String restoreArchive;
    private final boolean safetyBackup;
    private final boolean restoreOnStandby;
    private final int restoreTimeoutSeconds;
    private final String virtualIp;
    private final String interfaceName;
    private final boolean planned;
    private final boolean primaryDown;
    private final String sharedVolumeGroup;
    private final boolean failOnWarning;
    private final boolean reportOnly;

    private Invocation(Builder b) {
        this.procedure = Objects.requireNonNull(b.procedure, "procedure");
        this.port = Validate.between("port", b.port, 1, MAX_PORT);
        this.local = b.local;
        if (local && procedure == Procedure.FAILOVER) {
            // The old primary may be dead and the agent may run on either node: both are reached the same way.
            throw new InvalidInputException("local", "xcatFailover reaches both management nodes over SSH from the"
                    + " agent, also when the agent runs on one of them: leave local off and give that node's name as"
                    + " primary or standby");
        }
        boolean pair = procedure == Procedure.STANDBY_PREPARE || procedure == Procedure.FAILOVER;
        this.primary = host(pair ? "primary" : "host", b.primary, !local);
        this.standby = pair ? host("standby", b.standby, true) : null;
        if (standby != null) {
            // The same-node check of the engine, on the names with the step's port applied.
            StandbyPrepare.targets(primary, standby);
        }
        this.user = b.user == null || b.user.isBlank() ? DEFAULT_USER : Validate.name("user", b.user);
        this.hostKey = (b.hostKey == null ? HostKeySetting.defaults() : b.hostKey).validate();
        this.checkMode = b.checkMode;
        this.commandTimeoutSeconds = Validate.between("commandTimeoutSeconds", b.commandTimeoutSeconds, 1,
                MAX_COMMAND_TIMEOUT_SECONDS);
        this.connectTimeoutSeconds = Validate.between("connectTimeoutSeconds", b.connectTimeoutSeconds, 1,
                MAX_CONNECT_TIMEOUT_SECONDS);
        this.sharedDirs = new ArrayList<>(ListField.split(b.sharedDirs));
        this.hpcDaemons = new ArrayList<>(ListField.split(b.hpcDaemons));
        this.maxClockSkewSeconds = b.maxClockSkewSeconds;
        this.ntpServer = b.ntpServer == null || b.ntpServer.isBlank() ? null : b.ntpServer.strip();
        this.generateKeys = b.generateKeys;
        this.backupDatabase = b.backupDatabase;
        this.backupRoot = b.backupRoot == null || b.backupRoot.isBlank() ? null : b.backupRoot.strip();
        this.keep = b.keep;
        this.maxAgeDays = b.maxAgeDays <= 0 ? null : b.maxAgeDays;
        this.allTables = b.allTables;
        this.nativeBackup = b.nativeBackup;
        this.collect = b.collect;
        this.useBypass = b.useBypass;
        this.essentialTables = b.essentialTables == null || b.essentialTables.isBlank() ? null
                : new ArrayList<>(ListField.split(b.essentialTables));
        this.acceptRowLoss = new ArrayList<>(ListField.split(b.acceptRowLoss));
        this.dumpTimeoutSeconds = b.dumpTimeoutSeconds;
        this.restoreBackup = b.restoreBackup == null || b.restoreBackup.isBlank() ? null : b.restoreBackup.strip();
        this.restoreArchive = b.restoreArchive == null || b.restoreArchive.isBlank() ? null : b.restoreArchive.strip();
        this.safetyBackup = b.safetyBackup;
        this.restoreOnStandby = b.restoreOnStandby;
        this.restoreTimeoutSeconds = b.restoreTimeoutSeconds;
        this.virtualIp = b.virtualIp == null || b.virtualIp.isBlank() ? null : b.virtualIp.strip();
        this.interfaceName = b.interfaceName == null || b.interfaceName.isBlank() ? null : b.interfaceName.strip();
        this.planned = b.planned;
        this.primaryDown = b.primaryDown;
        this.sharedVolumeGroup = b.sharedVolumeGroup == null || b.sharedVolumeGroup.isBlank() ? null
                : b.sharedVolumeGroup.strip();
        this.failOnWarning = b.failOnWarning;
        this.reportOnly = b.reportOnly;
        switch (procedure) {
            case STANDBY_PREPARE -> standbyPrepareOptions();
            case DB_BACKUP -> dbBackupOptions().build();
            case DB_RESTORE -> dbRestoreOptions(Path.of("/workspace"));
            case FAILOVER -> failoverOptions();
        }
    }

    /**
     * The standby-prepare options, checked, with the backup-database step's db-backup options not collecting
     * (only the agent knows the folder): what the controller checks.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public StandbyPrepareOptions standbyPrepareOptions() {
        return standbyPrepareOptions(null);
    }

    /**
     * The standby-prepare options, checked; the backup-database step collects into {@code collectDirectory}
     * when {@link #collect()} is set and a directory is given.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public StandbyPrepareOptions standbyPrepareOptions(Path collectDirectory) {
        return StandbyPrepareOptions.builder()
                .sharedDirs(sharedDirs.isEmpty() ? null : sharedDirs)
                .hpcDaemons(hpcDaemonList())
                .maxClockSkewSeconds(maxClockSkewSeconds)
                .ntpServer(ntpServer)
                .generateKeys(generateKeys)
                .backupDatabase(backupDatabase)
                .backup(dbBackupOptions().collectInto(collect ? collectDirectory : null).build())
                .checkMode(checkMode)
                .build()
                .validate();
    }

    /**
     * The failover options, checked (the same checks and messages as {@code xcat-ha failover}).
     *
     * @throws InvalidInputException naming the field and the value
     */
    public FailoverOptions failoverOptions() {
        return FailoverOptions.builder()
                .virtualIp(virtualIp)
                .interfaceName(interfaceName)
                .planned(planned)
                .primaryDown(primaryDown)
                .sharedVolumeGroup(sharedVolumeGroup)
                .sharedDirs(sharedDirs.isEmpty() ? null : sharedDirs)
                .hpcDaemons(hpcDaemonList())
                .checkMode(checkMode)
                .build()
                .validate();
    }

    /**
     * The db-backup options, collecting into {@code collectDirectory} when {@link #collect()} is set.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public DbBackupOptions dbBackupOptions(Path collectDirectory) {
        return dbBackupOptions().collectInto(collect ? Objects.requireNonNull(collectDirectory, "collect directory")
                : null).build();
    }

    /**
     * The db-restore options, with {@code archive} (a path inside the workspace) resolved against it.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public DbRestoreOptions dbRestoreOptions(Path workspace) {
        Path archive = null;
        if (restoreArchive != null) {
            Path base = workspace.toAbsolutePath().normalize();
            archive = base.resolve(restoreArchive).normalize();
            if (Path.of(restoreArchive).isAbsolute() || !archive.startsWith(base) || archive.equals(base)) {
                throw new InvalidInputException("archive", "'" + restoreArchive + "' is not a file inside the"
                        + " workspace: copy the collected archive into it first (copyArtifacts, unarchive)");
            }
        }
        DbRestoreOptions.Builder options = DbRestoreOptions.builder()
                .backup(restoreBackup)
                .archive(archive)
                .safetyBackup(safetyBackup)
                .restoreOnStandby(restoreOnStandby)
                .restoreTimeoutSeconds(restoreTimeoutSeconds)
                .dumpTimeoutSeconds(dumpTimeoutSeconds);
        if (backupRoot != null) {
            options.backupRoot(backupRoot);
        }
        return options.build();
    }

    /** Everything but the collect directory, which only the agent knows. */
    private DbBackupOptions.Builder dbBackupOptions() {
        DbBackupOptions.Builder options = DbBackupOptions.builder()
                .keep(keep)
                .maxAgeDays(maxAgeDays)
                .allTables(allTables)
                .nativeBackup(nativeBackup)
                .useBypass(useBypass)
                .dumpTimeoutSeconds(dumpTimeoutSeconds)
                .acceptRowLoss(acceptRowLoss);
        if (essentialTables != null) {
            options.essentialTables(essentialTables);
        }
        if (backupRoot != null) {
            options.backupRoot(backupRoot);
        }
        return options;
    }

    /** Null: all four; {@value #NO_HPC_DAEMONS}: none, as the CLI's --hpc-daemons none. */
    private List<String> hpcDaemonList() {
        if (hpcDaemons.isEmpty()) {
            return null;
        }
        if (hpcDaemons.size() == 1 && hpcDaemons.get(0).toLowerCase(Locale.ROOT).equals(NO_HPC_DAEMONS)) {
            return List.of();
        }
        return hpcDaemons;
    }

    private String host(String field, String value, boolean required) {
        if (!required && (value == null || value.isBlank())) {
            return null;
        }
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "a host name or address is required");
        }
        return HostAndPort.parse(field, value, port).toString();
    }

    public static Builder builder(Procedure procedure) {
        return new Builder(procedure);
    }

    public Procedure procedure() {
        return procedure;
    }

    /** The primary (db-backup: the host) as HOST or HOST:PORT; null for a local db-backup without a name. */
    public String primary() {
        return primary;
    }

    /** The standby as HOST or HOST:PORT; null for db-backup. */
    public String standby() {
        return standby;
    }

    public HostAndPort primaryAddress() {
        return primary == null ? null : HostAndPort.parse("primary", primary, port);
    }

    public HostAndPort standbyAddress() {
        return standby == null ? null : HostAndPort.parse("standby", standby, port);
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public HostKeySetting hostKey() {
        return hostKey;
    }

    /** The primary (db-backup: the host) is the machine this runs on: no SSH to it. */
    public boolean local() {
        return local;
    }

    public boolean checkMode() {
        return checkMode;
    }

    public int commandTimeoutSeconds() {
        return commandTimeoutSeconds;
    }

    public int connectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** As given; empty: the procedure's defaults. */
    public List<String> sharedDirs() {
        return List.copyOf(sharedDirs);
    }

    /** As given; empty: all four (teal, cnm, loadl, gpfs). */
    public List<String> hpcDaemons() {
        return List.copyOf(hpcDaemons);
    }

    /** standby-prepare also takes a verified database backup on the primary. */
    public boolean backupDatabase() {
        return backupDatabase;
    }

    public int maxClockSkewSeconds() {
        return maxClockSkewSeconds;
    }

    /** Null: leave the nodes' NTP/chrony configuration as it is. */
    public String ntpServer() {
        return ntpServer;
    }

    /** Create a root SSH key pair on a node that has none. */
    public boolean generateKeys() {
        return generateKeys;
    }

    /** Null: the procedure's default ({@code /var/backup/xcat}). */
    public String backupRoot() {
        return backupRoot;
    }

    public int keep() {
        return keep;
    }

    /** Null: no age limit. */
    public Integer maxAgeDays() {
        return maxAgeDays;
    }

    public boolean allTables() {
        return allTables;
    }

    public boolean nativeBackup() {
        return nativeBackup;
    }

    public boolean collect() {
        return collect;
    }

    /** Dump with XCATBYPASS=1 (works with xcatd down; about 8 times slower). */
    public boolean useBypass() {
        return useBypass;
    }

    /** The dump's own limit; it outlasts {@link #commandTimeoutSeconds()}. */
    public int dumpTimeoutSeconds() {
        return dumpTimeoutSeconds;
    }

    /** failover: the management virtual IP as ADDRESS/PREFIX. */
    public String virtualIp() {
        return virtualIp;
    }

    /** failover: the standby's interface that gets the virtual IP. */
    public String interfaceName() {
        return interfaceName;
    }

    /** failover: deactivate the reachable old primary first. */
    public boolean planned() {
        return planned;
    }

    /** failover: the operator states that the unreachable old primary is powered off or disconnected. */
    public boolean primaryDown() {
        return primaryDown;
    }

    /** failover, AIX: the volume group of the shared file systems; null when not given. */
    public String sharedVolumeGroup() {
        return sharedVolumeGroup;
    }

    /** A WARNING step fails the build instead of making it unstable. */
    public boolean failOnWarning() {
        return failOnWarning;
    }

    /** Never change the build result: the caller decides from the returned map. */
    public boolean reportOnly() {
        return reportOnly;
    }

    @Override
    public String toString() {
        return procedure.stepName() + "{" + (primary == null ? "local" : primary)
                + (standby == null ? "" : " -> " + standby) + ", user=" + user + ", " + hostKey.describe()
                + (local ? ", local" : "") + (checkMode ? ", check mode" : "") + "}";
    }

    /** Collects the values a step or build step holds; {@link #build()} checks them all. */
    public static final class Builder {
        private final Procedure procedure;
        private String primary;
        private String standby;
        private int port = HostAndPort.SSH_PORT;
        private String user;
        private HostKeySetting hostKey;
        private boolean local;
        private boolean checkMode;
        private int commandTimeoutSeconds = DEFAULT_COMMAND_TIMEOUT_SECONDS;
        private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
        private String sharedDirs;
        private String hpcDaemons;
        private int maxClockSkewSeconds = DEFAULT_MAX_CLOCK_SKEW_SECONDS;
        private String ntpServer;
        private boolean generateKeys;
        private String backupRoot;
        private boolean backupDatabase;
        private int keep = DEFAULT_KEEP;
        private int maxAgeDays;
        private boolean allTables;
        private boolean nativeBackup;
        private boolean collect;
        private boolean useBypass;
        private String essentialTables;
        private String acceptRowLoss;
        private int dumpTimeoutSeconds = DEFAULT_DUMP_TIMEOUT_SECONDS;
        private String restoreBackup;
        private String restoreArchive;
        private boolean safetyBackup = true;
        private boolean restoreOnStandby;
        private int restoreTimeoutSeconds = DbRestoreOptions.DEFAULT_RESTORE_TIMEOUT_SECONDS;
        private String virtualIp;
        private String interfaceName;
        private boolean planned;
        private boolean primaryDown;
        private String sharedVolumeGroup;
        private boolean failOnWarning;
        private boolean reportOnly;

        private Builder(Procedure procedure) {
            this.procedure = procedure;
        }

        public Procedure procedure() {
            return procedure;
        }

        public Builder primary(String v) { this.primary = v; return this; }
        public Builder standby(String v) { this.standby = v; return this; }
        public Builder port(int v) { this.port = v; return this; }
        public Builder user(String v) { this.user = v; return this; }
        public Builder hostKey(HostKeySetting v) { this.hostKey = v; return this; }
        public Builder local(boolean v) { this.local = v; return this; }
        public Builder checkMode(boolean v) { this.checkMode = v; return this; }
        public Builder commandTimeoutSeconds(int v) { this.commandTimeoutSeconds = v; return this; }
        public Builder connectTimeoutSeconds(int v) { this.connectTimeoutSeconds = v; return this; }
        /** Paths separated by commas or line breaks; blank: the defaults. */
        public Builder sharedDirs(String v) { this.sharedDirs = v; return this; }
        /** Names separated by commas or spaces; blank: all four; {@value Invocation#NO_HPC_DAEMONS}: none. */
        public Builder hpcDaemons(String v) { this.hpcDaemons = v; return this; }
        public Builder maxClockSkewSeconds(int v) { this.maxClockSkewSeconds = v; return this; }
        /** Blank: leave the nodes' time configuration. */
        public Builder ntpServer(String v) { this.ntpServer = v; return this; }
        public Builder generateKeys(boolean v) { this.generateKeys = v; return this; }
        public Builder backupDatabase(boolean v) { this.backupDatabase = v; return this; }
        public Builder backupRoot(String v) { this.backupRoot = v; return this; }
        public Builder keep(int v) { this.keep = v; return this; }
        /** 0 or less: no age limit. */
        public Builder maxAgeDays(int v) { this.maxAgeDays = v; return this; }
        public Builder allTables(boolean v) { this.allTables = v; return this; }
        public Builder nativeBackup(boolean v) { this.nativeBackup = v; return this; }
        public Builder collect(boolean v) { this.collect = v; return this; }
        public Builder useBypass(boolean v) { this.useBypass = v; return this; }
        /** Table names separated by commas or spaces; blank: the defaults (site, passwd, policy). */
        public Builder essentialTables(String v) { this.essentialTables = v; return this; }
        /** Table names separated by commas or spaces whose row loss this run accepts; blank: none. */
        public Builder acceptRowLoss(String v) { this.acceptRowLoss = v; return this; }
        public Builder dumpTimeoutSeconds(int v) { this.dumpTimeoutSeconds = v; return this; }
        /** db-restore: a backup on the node by name; blank: the latest. */
        public Builder backup(String v) { this.restoreBackup = v; return this; }
        /** db-restore: a collected archive, as a path inside the workspace. */
        public Builder archive(String v) { this.restoreArchive = v; return this; }
        public Builder safetyBackup(boolean v) { this.safetyBackup = v; return this; }
        public Builder restoreOnStandby(boolean v) { this.restoreOnStandby = v; return this; }
        public Builder restoreTimeoutSeconds(int v) { this.restoreTimeoutSeconds = v; return this; }
        /** failover: ADDRESS/PREFIX. */
        public Builder virtualIp(String v) { this.virtualIp = v; return this; }
        /** failover: the standby's NIC (Pipeline parameter {@code interface}, a Java keyword). */
        public Builder interfaceName(String v) { this.interfaceName = v; return this; }
        public Builder planned(boolean v) { this.planned = v; return this; }
        public Builder primaryDown(boolean v) { this.primaryDown = v; return this; }
        /** failover, AIX: the volume group of the shared file systems. */
        public Builder sharedVolumeGroup(String v) { this.sharedVolumeGroup = v; return this; }
        public Builder failOnWarning(boolean v) { this.failOnWarning = v; return this; }
        public Builder reportOnly(boolean v) { this.reportOnly = v; return this; }

        /**
         * @throws InvalidInputException naming the field and the value, before anything connects
         */
        public Invocation build() {
            return new Invocation(this);
        }
    }
}
