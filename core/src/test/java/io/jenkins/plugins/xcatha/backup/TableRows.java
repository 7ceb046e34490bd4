package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.testkit.SimulatedNode;

/** Rows of a simulated node's xCAT table, read and cut the way an administrator would (tabdump, chtab -d). */
final class TableRows {
    private TableRows() {
    }

    static int count(SimulatedNode node, String table) {
        return (int) node.observe("/usr/bin/env", "XCATBYPASS=1", "/opt/xcat/sbin/tabdump", table).stdoutOrThrow()
                .lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
    }

    /** Deletes all but the first {@code rows} rows of the table, as deleting definitions on purpose does. */
    static void keep(SimulatedNode node, String table, int rows) {
        node.keepRows(table, rows);
    }
}
