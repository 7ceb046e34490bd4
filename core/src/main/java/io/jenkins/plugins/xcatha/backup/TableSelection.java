package io.jenkins.plugins.xcatha.backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tables a CSV dump must contain: the database's table list ({@code tabdump} with no arguments) minus
 * what dumpxCATdb skips on purpose (xcat-facts 4.1): {@code ^eventlog} and {@code ^auditlog} unless
 * {@code -a}, always {@code ^x_teal} and {@code ^isnm_perf}, and the exact names in
 * {@code XCAT_SKIPTABLES}, or when that is unset in {@code site.skiptables}.
 */
public final class TableSelection {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]+");

    private final List<String> expected;
    private final Map<String, String> skipped;

    private TableSelection(List<String> expected, Map<String, String> skipped) {
        this.expected = List.copyOf(expected);
        this.skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /**
     * @param tabdumpOutput the table list; lines that are no table name (with XCATBYPASS, an
     *                      {@code Error loading module ... ...skipping} line, D8) are ignored
     * @param skipTables    the comma-separated skip list in force (may be empty)
     */
    public static TableSelection of(String tabdumpOutput, boolean allTables, String skipTables) {
        Set<String> explicitSkips = new LinkedHashSet<>();
        for (String s : skipTables == null ? new String[0] : skipTables.split(",")) {
            // dumpxCATdb matches ^name$ exactly: " hosts" with a space skips nothing, as on a real node.
            if (!s.isEmpty()) {
                explicitSkips.add(s);
            }
        }
        List<String> expected = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String line : tabdumpOutput.split("\n")) {
            String table = line.strip();
            if (!TABLE.matcher(table).matches()) {
                continue;
            }
            String why = skipReason(table, allTables, explicitSkips);
            if (why == null) {
                if (!expected.contains(table)) {
                    expected.add(table);
                }
            } else {
                skipped.put(table, why);
            }
        }
        return new TableSelection(expected, skipped);
    }

    private static String skipReason(String table, boolean allTables, Set<String> explicitSkips) {
        if (!allTables && (table.startsWith("eventlog") || table.startsWith("auditlog"))) {
            return "dumped only with dumpxCATdb -a";
        }
        if (table.startsWith("x_teal") || table.startsWith("isnm_perf")) {
            return "never dumped by dumpxCATdb";
        }
        if (explicitSkips.contains(table)) {
            return "listed in skiptables";
        }
        return null;
    }

    /** Tables that must each have a CSV, in the order tabdump listed them. */
    public List<String> expected() {
        return expected;
    }

    /** Tables left out on purpose, with why. */
    public Map<String, String> skipped() {
        return skipped;
    }
}
