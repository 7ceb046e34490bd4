package io.jenkins.plugins.xcatha.backup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code lsxcatd -a} said. Lines are matched anywhere, not by position: with XCATBYPASS a plugin that
 * fails to load puts an {@code Error loading module} line first (xcat-observed D8).
 */
record XcatdAnswer(String version, String dbEngine, boolean managementNode) {
    // TODO switch to io.jenkins.plugins.xcatha.xcat's lsxcatd parser once it is on main.
    private static final Pattern VERSION = Pattern.compile("(?m)^Version (\\S+)");
    private static final Pattern ENGINE = Pattern.compile("(?m)^dbengine=(\\S+)");
    private static final Pattern MN = Pattern.compile("(?m)^This is a Management Node\\s*$");
    /** The client's words when xcatd does not answer (exit 111, xcat-observed D1). */
    static final String UNREACHABLE = "Unable to open socket connection";

    static XcatdAnswer parse(String stdout) {
        String text = stdout.replace("\r", "");
        Matcher v = VERSION.matcher(text);
        Matcher e = ENGINE.matcher(text);
        return new XcatdAnswer(v.find() ? v.group(1) : null, e.find() ? e.group(1) : null, MN.matcher(text).find());
    }

    Optional<String> versionIfKnown() {
        return Optional.ofNullable(version);
    }

    /** Whether {@code dumpxCATdb -b} works on this engine: only PostgreSQL and DB2 have a native backup. */
    boolean supportsNativeBackup() {
        return "Pg".equalsIgnoreCase(dbEngine) || "DB2".equalsIgnoreCase(dbEngine);
    }

    /** The engine as people name it: SQLite, MySQL, PostgreSQL, DB2. */
    String engineName() {
        if (dbEngine == null) {
            return "unknown";
        }
        return switch (dbEngine.toLowerCase(java.util.Locale.ROOT)) {
            case "sqlite" -> "SQLite";
            case "mysql" -> "MySQL";
            case "pg" -> "PostgreSQL";
            case "db2" -> "DB2";
            default -> dbEngine;
        };
    }
}
