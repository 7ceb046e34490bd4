package io.jenkins.plugins.xcatha.testkit;

import java.util.Locale;

/**
 * The xCAT database engine of a simulated node. SQLite has no /etc/xcat/cfgloc; the others
 * have one (mode 0600, with a password that must never leak) in the format the xCAT setup
 * scripts write (xcat-facts section 5).
 */
public enum DbEngine {
    SQLITE("SQLite", "/etc/xcat"),
    MYSQL("mysql", "/var/lib/mysql"),
    POSTGRESQL("Pg", "/var/lib/pgsql"),
    DB2("DB2", "/var/lib/db2");

    private final String lsxcatdName;
    private final String databaseDir;

    DbEngine(String lsxcatdName, String databaseDir) {
        this.lsxcatdName = lsxcatdName;
        this.databaseDir = databaseDir;
    }

    /** The value after {@code dbengine=} in {@code lsxcatd -d}. */
    public String lsxcatdName() { return lsxcatdName; }

    /** Where the engine keeps its data (a shared directory in an HA pair). */
    public String databaseDir() { return databaseDir; }

    /** The first line of /etc/xcat/cfgloc, or null for SQLite (no file). */
    public String cfglocLine(String dbHost, String password) {
        switch (this) {
            case MYSQL: return "mysql:dbname=xcatdb;host=" + dbHost + "|xcatadmin|" + password;
            case POSTGRESQL: return "Pg:dbname=xcatdb;host=" + dbHost + "|xcatadm|" + password;
            case DB2: return "DB2:xcatdb|xcatdb|" + password;
            default: return null;
        }
    }

    /** The prefix of cfgloc before the first colon (mysql, Pg, DB2), or null for SQLite. */
    public String cfglocPrefix() { return this == SQLITE ? null : lsxcatdName; }

    /** Parses "sqlite", "mysql", "mariadb", "pg", "postgresql", "db2". */
    public static DbEngine parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "sqlite": return SQLITE;
            case "mysql": case "mariadb": return MYSQL;
            case "pg": case "postgres": case "postgresql": return POSTGRESQL;
            case "db2": return DB2;
            default: throw new IllegalArgumentException("unknown database engine '" + s + "' (sqlite, mysql, postgresql, db2)");
        }
    }
}
