package io.jenkins.plugins.xcatha.backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the node found for one table's CSV in a dump directory. A corrupt table gives a header-only CSV and
 * an unopenable one a 0-byte CSV, both with exit 0 and no error (xcat-observed D3), so every file is checked.
 */
public record CsvFileCheck(String table, State state, int rows, long bytes) {

    public enum State {
        OK("present"), MISSING("missing"), EMPTY("0 bytes"), TRUNCATED("cut short (no final newline)"),
        NO_HEADER("does not start with its '#' header"),
        NOT_A_FILE("not a regular file");

        private final String description;

        State(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The checks of one directory, as printed by {@link NodeScripts#CHECK_CSV_FILES}: the expected tables,
     * entries that are no expected table's CSV, and the size of every regular file.
     */
    public record Listing(Map<String, CsvFileCheck> tables, List<String> otherFiles, Map<String, Long> fileSizes) {
        public Listing {
            tables = Map.copyOf(tables);
            otherFiles = List.copyOf(otherFiles);
            fileSizes = Map.copyOf(fileSizes);
        }

        public long totalBytes() {
            return fileSizes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads lines {@code <state> <table> <rows> <bytes>} and {@code file <type> <bytes> <name>} (every entry of the
     * directory, {@code TYPE} f for a regular file); files that are no checked table's CSV end up in {@link Listing#otherFiles()}.
     */
    public static Listing parse(String output) {
        Map<String, CsvFileCheck> tables = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("file ")) {
                String[] f = line.split(" ", 4);
                if (f.length == 4) {
                    files.add(f[3]);
                    if (f[1].equals("f")) {
                        sizes.put(f[3], Long.parseLong(f[2]));
                    }
                }
                continue;
            }
            String[] f = line.strip().split(" ");
            if (f.length != 4) {
                continue;
            }
            State state = switch (f[0]) {
                case "ok" -> State.OK;
                case "missing" -> State.MISSING;
                case "empty" -> State.EMPTY;
                case "truncated" -> State.TRUNCATED;
                case "noheader" -> State.NO_HEADER;
                case "notfile" -> State.NOT_A_FILE;
                default -> null;
            };
            if (state != null) {
                tables.put(f[1], new CsvFileCheck(f[1], state, Integer.parseInt(f[2]), Long.parseLong(f[3])));
            }
        }
        List<String> others = new ArrayList<>();
        for (String file : files) {
            if (!(file.endsWith(".csv") && tables.containsKey(file.substring(0, file.length() - 4)))) {
                others.add(file);
            }
        }
        return new Listing(tables, others, sizes);
    }
}
