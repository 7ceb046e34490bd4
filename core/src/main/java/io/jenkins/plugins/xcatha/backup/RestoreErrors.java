package io.jenkins.plugins.xcatha.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables restorexCATdb failed, read from its stderr line by line: it exits 0 and says "Restore of Database
 * Complete." even when every table failed, and reports each failure only as a {@code Command failed: tabrestore
 * FILE 2>&1. Error message: ...} block (xcat-observed 2.5, 2.6).
 */
final class RestoreErrors {
    private static final Pattern FAILED = Pattern.compile(
            "^(?:Command failed: tabrestore (\\S+) 2>&1\\. Error message: |Error running tabrestore (\\S+), )(.*)$");
    private final Map<String, String> failedTables = new LinkedHashMap<>();

    void accept(String line) {
        Matcher m = FAILED.matcher(line.strip());
        if (!m.matches()) {
            return;
        }
        String file = m.group(1) != null ? m.group(1) : m.group(2);
        String base = file.substring(file.lastIndexOf('/') + 1);
        String table = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
        failedTables.putIfAbsent(table, m.group(3).strip());
    }

    /** Table to the first reason given for it. */
    Map<String, String> failedTables() {
        return failedTables;
    }
}
