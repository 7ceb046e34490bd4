package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Validate;
import io.jenkins.plugins.xcatha.platform.InitSystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What standby-prepare is asked to do. Names follow the one vocabulary of the Pipeline step and the CLI
 * (docs/DESIGN.md). Immutable; build with {@link #builder()}, then {@link #validate()} before any host is
 * touched (the factory does it).
 */
public final class StandbyPrepareOptions {
    /** The shared directories of the HAMN docs; the database directory of the detected engine is added. */
    public static final List<String> DEFAULT_SHARED_DIRS = List.of("/etc/xcat", "/install", "~/.xcat", "/tftpboot");
    public static final List<String> ALL_HPC_DAEMONS = List.of("teal", "cnm", "loadl", "gpfs");
    public static final int DEFAULT_MAX_CLOCK_SKEW_SECONDS = 2;
    private static final Pattern NTP_SERVER = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");

    /** Directory names as xCAT and the HA docs use them; quotes, $, `, ;, \ and blanks are refused. */
    private static final Pattern SHARED_DIR = Pattern.compile("[A-Za-z0-9_.,:@%+=~/-]+");

    private final List<String> sharedDirs;
    private final boolean sharedDirsGiven;
    private final List<String> hpcDaemons;
    private final int maxClockSkewSeconds;
    private final String ntpServer;
    private final boolean generateKeys;
    private final boolean backupDatabase;
    private final boolean checkMode;
    private final String initSystem;
    private final DbBackupOptions backup;
    private final Vocabulary vocabulary;

    private StandbyPrepareOptions(Builder b) {
        this.sharedDirs = b.sharedDirs == null ? DEFAULT_SHARED_DIRS : List.copyOf(b.sharedDirs);
        this.sharedDirsGiven = b.sharedDirs != null;
        this.hpcDaemons = b.hpcDaemons == null ? ALL_HPC_DAEMONS : List.copyOf(b.hpcDaemons);
        this.maxClockSkewSeconds = b.maxClockSkewSeconds;
        this.ntpServer = b.ntpServer;
        this.generateKeys = b.generateKeys;
        this.backupDatabase = b.backupDatabase;
        this.checkMode = b.checkMode;
        this.initSystem = b.initSystem;
        this.backup = b.backup;
        this.vocabulary = java.util.Objects.requireNonNull(b.vocabulary, "vocabulary");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks every field; the first bad one is reported with its name and value.
     *
     * @return this, for chaining
     * @throws InvalidInputException naming the field and the value
     */
    public StandbyPrepareOptions validate() {
        if (sharedDirs.isEmpty()) {
            throw new InvalidInputException("sharedDirs", "[] is empty: give at least one directory, or leave it"
                    + " unset for the defaults " + DEFAULT_SHARED_DIRS);
        }
        for (String dir : sharedDirs) {
            String path = Validate.absolutePath("sharedDirs", dir);
            if (!SHARED_DIR.matcher(path).matches()) {
                throw new InvalidInputException("sharedDirs", "'" + printable(dir) + "' contains a character a shared"
                        + " xCAT directory never has (quotes, $, `, ;, \\ or white space)");
            }
            if (path.equals("/") || path.equals("~")) {
                throw new InvalidInputException("sharedDirs", "'" + dir + "' is a whole root file system or home,"
                        + " not a shared xCAT directory");
            }
        }
        for (String daemon : hpcDaemons) {
            if (daemon == null || !ALL_HPC_DAEMONS.contains(daemon.strip().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("hpcDaemons", "'" + printable(daemon) + "' is not one of "
                        + String.join(", ", ALL_HPC_DAEMONS));
            }
        }
        Validate.between("maxClockSkewSeconds", maxClockSkewSeconds, 0, 3600);
        if (ntpServer != null && !NTP_SERVER.matcher(ntpServer).matches()) {
            throw new InvalidInputException("ntpServer", "'" + printable(ntpServer)
                    + "' is not a valid host name or address");
        }
        if (initSystem != null) {
            try {
                InitSystem.parse(initSystem);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("initSystem", e.getMessage());
            }
        }
        return this;
    }

    private static String printable(String value) {
        return value == null ? "null" : value.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
    }

    /** The configured shared directories, normalised ({@code ~} kept: it is expanded per node). */
    public List<String> sharedDirs() {
        List<String> dirs = new ArrayList<>();
        for (String d : sharedDirs) {
            dirs.add(Validate.absolutePath("sharedDirs", d));
        }
        return dirs;
    }

    /** True when the user gave the list (the engine's DB directory is then not added). */
    public boolean sharedDirsGiven() {
        return sharedDirsGiven;
    }

    /** teal, cnm, loadl, gpfs: lower case, no duplicates. */
    public List<String> hpcDaemons() {
        Set<String> set = new LinkedHashSet<>();
        for (String d : hpcDaemons) {
            set.add(d.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(set);
    }

    public int maxClockSkewSeconds() {
        return maxClockSkewSeconds;
    }

    public Optional<String> ntpServer() {
        return Optional.ofNullable(ntpServer);
    }

    public boolean generateKeys() {
        return generateKeys;
    }

    public boolean backupDatabase() {
        return backupDatabase;
    }

    public boolean checkMode() {
        return checkMode;
    }

    /** The init system given by the user instead of the detected one. */
    public Optional<InitSystem> initSystem() {
        return Optional.ofNullable(initSystem).map(InitSystem::parse);
    }

    /** The db-backup options backup-database runs with when backupDatabase is set (db-backup's defaults if not given). */
    /** How messages name options: Pipeline parameters or CLI flags. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public DbBackupOptions backup() {
        return backup == null ? DbBackupOptions.builder().build() : backup;
    }

    @Override
    public String toString() {
        return "StandbyPrepareOptions{sharedDirs=" + sharedDirs + ", hpcDaemons=" + hpcDaemons
                + ", maxClockSkewSeconds=" + maxClockSkewSeconds + ", ntpServer=" + ntpServer
                + ", generateKeys=" + generateKeys + ", backupDatabase=" + backupDatabase
                + ", checkMode=" + checkMode + ", initSystem=" + initSystem + "}";
    }

    /** Builds options; every setter takes the Pipeline parameter's name. */
    public static final class Builder {
        private List<String> sharedDirs;
        private List<String> hpcDaemons;
        private int maxClockSkewSeconds = DEFAULT_MAX_CLOCK_SKEW_SECONDS;
        private String ntpServer;
        private boolean generateKeys;
        private boolean backupDatabase;
        private boolean checkMode;
        private String initSystem;
        private DbBackupOptions backup;
        private Vocabulary vocabulary = Vocabulary.PIPELINE;

        private Builder() {
        }

        public Builder sharedDirs(Collection<String> dirs) {
            this.sharedDirs = dirs == null ? null : new ArrayList<>(dirs);
            return this;
        }

        public Builder hpcDaemons(Collection<String> daemons) {
            this.hpcDaemons = daemons == null ? null : new ArrayList<>(daemons);
            return this;
        }

        public Builder maxClockSkewSeconds(int seconds) {
            this.maxClockSkewSeconds = seconds;
            return this;
        }

        /** Point both nodes' NTP/chrony at this server (optional). */
        public Builder ntpServer(String server) {
            this.ntpServer = server == null || server.isBlank() ? null : server.strip();
            return this;
        }

        public Builder generateKeys(boolean generate) {
            this.generateKeys = generate;
            return this;
        }

        public Builder backupDatabase(boolean backup) {
            this.backupDatabase = backup;
            return this;
        }

        public Builder checkMode(boolean check) {
            this.checkMode = check;
            return this;
        }

        /** systemd, sysv or src: overrides what is detected on the nodes. */
        public Builder initSystem(String init) {
            this.initSystem = init == null || init.isBlank() ? null : init.strip();
            return this;
        }

        public Builder backup(DbBackupOptions request) {
            this.backup = request;
            return this;
        }

        public Builder vocabulary(Vocabulary value) {
            this.vocabulary = value;
            return this;
        }

        public StandbyPrepareOptions build() {
            return new StandbyPrepareOptions(this);
        }
    }
}
