package io.jenkins.plugins.xcatha.backup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of several tables, as tabdump prints them (a {@code #} header, then one CSV line per row), read from
 * one command's output in which {@link RestoreScripts#SECTION} lines separate the tables. Rows compare as whole
 * lines and as a multiset: restorexCATdb does not promise an order.
 */
final class TableContents {
    private final Map<String, List<String>> rows;
    private final Map<String, String> unreadable;

    private TableContents(Map<String, List<String>> rows, Map<String, String> unreadable) {
        this.rows = rows;
        this.unreadable = unreadable;
    }

    static TableContents parse(String output) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith(RestoreScripts.SECTION + "failed ")) {
                String[] parts = line.substring(RestoreScripts.SECTION.length() + 7).split(" ", 2);
                unreadable.put(parts[0], "exit " + (parts.length > 1 ? parts[1] : "?"));
                rows.remove(parts[0]);
            } else if (line.startsWith(RestoreScripts.SECTION)) {
                current = new ArrayList<>();
                rows.put(line.substring(RestoreScripts.SECTION.length()).strip(), current);
            } else if (current != null && !line.startsWith("#") && !line.isBlank()) {
                current.add(line);
            }
        }
        return new TableContents(rows, unreadable);
    }

    List<String> rows(String table) {
        return rows.getOrDefault(table, List.of());
    }

    boolean has(String table) {
        return rows.containsKey(table);
    }

    /** Tables that could not be read, with why (tabdump's exit code). */
    Map<String, String> unreadable() {
        return unreadable;
    }

    int totalRows() {
        return rows.values().stream().mapToInt(List::size).sum();
    }

    /** How {@code table} would change from these rows to {@code wanted}'s. */
    Change change(String table, TableContents wanted) {
        Map<String, Integer> now = counts(rows(table));
        int added = 0;
        for (String row : wanted.rows(table)) {
            Integer n = now.get(row);
            if (n == null || n == 0) {
                added++;
            } else {
                now.put(row, n - 1);
            }
        }
        int removed = now.values().stream().mapToInt(Integer::intValue).sum();
        return new Change(table, added, removed);
    }

    private static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(line, 1, Integer::sum);
        }
        return counts;
    }

    /** Rows a table would gain and lose. */
    record Change(String table, int added, int removed) {
        boolean none() {
            return added == 0 && removed == 0;
        }

        @Override
        public String toString() {
            return table + " (+" + added + " -" + removed + ")";
        }
    }
}
