package io.jenkins.plugins.xcatha.backup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dumpxCATdb's stderr as it streams. dumpxCATdb exits 0 even when tables fail; what failed shows only
 * as {@code Error running tabdump -f <dir>/<t>.csv <t>, <why>} lines (xcat-observed 2.4a, D7). One such
 * block is harmless: with XCATBYPASS, a plugin that fails to load prints {@code Error loading module
 * ... ...skipping}, which dumpxCATdb then takes for a table name (D8); the real tables are unaffected.
 */
public final class DumpErrors {
    private static final Pattern TABLE_FAILED = Pattern.compile("Error running tabdump -f .*/([A-Za-z0-9_]+)\\.csv \\1(?:,\\s*(.*))?");
    private static final Pattern BOGUS_MODULE_TABLE = Pattern.compile("Error running tabdump -f .*Error loading module .*\\.\\.\\.skipping.*");
    private static final Pattern OTHER_ERROR = Pattern.compile("Error running .*");
    private static final Pattern NO_SPACE = Pattern.compile("(?i).*no space left on device.*");

    private final Set<String> failedTables = new LinkedHashSet<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<String> otherErrors = new ArrayList<>();
    private boolean ignoredBogusModuleTable;
    private boolean noSpace;

    /** Takes one stderr line; safe to call from the shell's reader thread. */
    public synchronized void accept(String line) {
        String l = line.strip();
        if (NO_SPACE.matcher(l).matches()) {
            noSpace = true;
        }
        if (BOGUS_MODULE_TABLE.matcher(l).matches()) {
            ignoredBogusModuleTable = true;
            return;
        }
        Matcher m = TABLE_FAILED.matcher(l);
        if (m.matches()) {
            if (failedTables.add(m.group(1)) && m.group(2) != null) {
                reasons.add(m.group(1) + ": " + m.group(2).strip());
            }
            return;
        }
        if (OTHER_ERROR.matcher(l).matches()) {
            otherErrors.add(l);
        }
    }

    public synchronized void acceptAll(String text) {
        for (String line : text.split("\n")) {
            accept(line);
        }
    }

    /** Tables whose dump reported an error, in the order they failed. */
    public synchronized List<String> failedTables() {
        return List.copyOf(failedTables);
    }

    /** "table: why" for the first failures, for the message. */
    public synchronized List<String> reasons() {
        return List.copyOf(reasons);
    }

    /** "Error running" lines that name no table (mkdir failed, the table list could not be read). */
    public synchronized List<String> otherErrors() {
        return List.copyOf(otherErrors);
    }

    public synchronized boolean ignoredBogusModuleTable() {
        return ignoredBogusModuleTable;
    }

    public synchronized boolean sawNoSpaceLeft() {
        return noSpace;
    }
}
