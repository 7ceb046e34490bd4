package io.jenkins.plugins.xcatha.xcat;

import java.util.Locale;

/**
 * The database xCAT keeps its tables in. Learned from the prefix of {@code /etc/xcat/cfgloc} (before the
 * first {@code :}), or from the {@code dbengine=} line of {@code lsxcatd -d}; no cfgloc means SQLite.
 */
public enum DatabaseEngine {
    SQLITE("SQLite", "SQLite", "/etc/xcat"),
    MYSQL("MySQL/MariaDB", "mysql", "/var/lib/mysql"),
    POSTGRESQL("PostgreSQL", "Pg", "/var/lib/pgsql"),
    // DB2 keeps its instance in site.databaseloc; /var/lib/db2 is db2sqlsetup's default.
    DB2("DB2", "DB2", "/var/lib/db2");

    private final String displayName;
    private final String prefix;
    private final String dataDirectory;

    DatabaseEngine(String displayName, String prefix, String dataDirectory) {
        this.displayName = displayName;
        this.prefix = prefix;
        this.dataDirectory = dataDirectory;
    }

    /** How an administrator calls it: "PostgreSQL". */
    public String displayName() {
        return displayName;
    }

    /** The cfgloc prefix ({@code mysql}, {@code Pg}, {@code DB2}), or {@code SQLite}. */
    public String prefix() {
        return prefix;
    }

    /** Where the engine keeps its files by default: a shared directory in an HA pair. */
    public String dataDirectory() {
        return dataDirectory;
    }

    /**
     * Maps the first field of cfgloc like xCAT's {@code get_DBName}: {@code mysql}, {@code Pg},
     * {@code DB2}; anything else, or nothing (no file), is SQLite.
     */
    public static DatabaseEngine fromCfglocPrefix(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        switch (p) {
            case "mysql":
                return MYSQL;
            case "Pg":
                return POSTGRESQL;
            case "DB2":
                return DB2;
            default:
                return SQLITE;
        }
    }

    /** Maps the value of {@code lsxcatd -d}'s {@code dbengine=} line (MariaDB reports {@code mysql}). */
    public static DatabaseEngine fromDbengine(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "mysql":
                return MYSQL;
            case "pg":
                return POSTGRESQL;
            case "db2":
                return DB2;
            case "sqlite":
                return SQLITE;
            default:
                throw new IllegalArgumentException("unknown xCAT dbengine '" + value + "'");
        }
    }

    /** Parses a name as users write it: sqlite, mysql, mariadb, postgresql, pg, db2. */
    public static DatabaseEngine parse(String name) {
        String v = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "sqlite":
                return SQLITE;
            case "mysql":
            case "mariadb":
                return MYSQL;
            case "postgresql":
            case "pg":
                return POSTGRESQL;
            case "db2":
                return DB2;
            default:
                throw new IllegalArgumentException("unknown database engine '" + name
                        + "' (expected sqlite, mysql, postgresql or db2)");
        }
    }
}
