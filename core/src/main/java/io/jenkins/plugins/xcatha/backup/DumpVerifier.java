package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.config.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides whether a CSV dump is complete. dumpxCATdb's exit code says nothing (always 0 once it has the
 * table list), so every way a table can be lost is looked for: an error block on stderr, a CSV missing
 * from the table list, a 0-byte or header-less CSV, an essential table left out or emptied, and a table that lost
 * most of its rows since the previous successful backup (a header-only CSV of a corrupt table cannot be
 * told from an empty table any other way, D3).
 */
public final class DumpVerifier {
    /**
     * Tables whose rows xCAT itself adds and removes, so that two good backups may differ: xcatd registers its
     * monitoring handler in notification when it starts and removes it when it stops (xcat-observed, second
     * observation), so a backup taken with xcatd stopped (XCATBYPASS) has one row fewer.
     */
    static final Map<String, String> SELF_MANAGED_TABLES = Map.of(
            "notification", "xcatd adds its row when it starts and removes it when it stops");

    private final List<String> essentialTables;
    private final int maxRowLossPercent;
    private final List<String> acceptRowLoss;
    private final Vocabulary vocabulary;

    public DumpVerifier(List<String> essentialTables, int maxRowLossPercent, List<String> acceptRowLoss,
                        Vocabulary vocabulary) {
        this.essentialTables = List.copyOf(essentialTables);
        this.maxRowLossPercent = maxRowLossPercent;
        this.acceptRowLoss = List.copyOf(acceptRowLoss);
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    public DumpVerifier(List<String> essentialTables, int maxRowLossPercent) {
        this(essentialTables, maxRowLossPercent, List.of(), Vocabulary.PIPELINE);
    }

    public static DumpVerifier of(DbBackupOptions options) {
        return new DumpVerifier(options.essentialTables(), options.maxRowLossPercent(), options.acceptRowLoss(),
                options.vocabulary());
    }

    /** The verdict: problems (any one fails the backup), notes, and rows per table for the metadata. */
    public record Verdict(List<String> problems, List<String> notes, Map<String, Integer> rows) {
        public Verdict {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        public boolean complete() {
            return problems.isEmpty();
        }
    }

    /**
     * @param previousRows rows per table in the previous successful CSV backup; empty for the first one
     */
    public Verdict verify(TableSelection selection, CsvFileCheck.Listing listing, DumpErrors errors,
                          Map<String, Integer> previousRows) {
        Objects.requireNonNull(previousRows, "previousRows");
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> rows = new LinkedHashMap<>();

        if (!errors.failedTables().isEmpty()) {
            problems.add("dumpxCATdb reported errors for " + errors.failedTables().size() + " table(s): "
                    + String.join(", ", errors.failedTables()) + firstReasons(errors));
        }
        if (!errors.otherErrors().isEmpty()) {
            problems.add("dumpxCATdb reported: " + errors.otherErrors().get(0));
        }
        if (errors.sawNoSpaceLeft()) {
            problems.add("the file system of the backup root ran out of space during the dump");
        }
        if (errors.ignoredBogusModuleTable()) {
            notes.add("ignored the harmless 'Error loading module ... ...skipping' table error of an XCATBYPASS dump");
        }

        Map<CsvFileCheck.State, List<String>> bad = new LinkedHashMap<>();
        for (String table : selection.expected()) {
            CsvFileCheck check = listing.tables().get(table);
            CsvFileCheck.State state = check == null ? CsvFileCheck.State.MISSING : check.state();
            if (state != CsvFileCheck.State.OK) {
                bad.computeIfAbsent(state, s -> new ArrayList<>()).add(table);
                continue;
            }
            rows.put(table, check.rows());
        }
        bad.forEach((state, tables) -> problems.add(tables.size() + " table CSV(s) " + state.description() + ": "
                + String.join(", ", tables)));

        List<String> lost = new ArrayList<>();
        List<String> lostTables = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> acceptedTables = new ArrayList<>();
        for (Map.Entry<String, Integer> now : rows.entrySet()) {
            String table = now.getKey();
            Integer before = previousRows.get(table);
            if (before == null || before <= now.getValue()) {
                continue;
            }
            String counts = before + " -> " + now.getValue() + " rows";
            String change = table + " (" + counts + ")";
            if (SELF_MANAGED_TABLES.containsKey(table)) {
                notes.add(change + " not counted as a loss: " + SELF_MANAGED_TABLES.get(table));
                continue;
            }
            int lossPercent = (int) Math.round(100.0 * (before - now.getValue()) / before);
            boolean emptiedEssential = now.getValue() == 0 && essentialTables.contains(table);
            if (lossPercent <= maxRowLossPercent && !emptiedEssential) {
                continue;
            }
            if (acceptRowLoss.contains(table)) {
                accepted.add(change);
                acceptedTables.add(table);
            } else {
                lost.add(table + " (" + counts + (emptiedEssential ? ", an essential table" : "") + ")");
                lostTables.add(table);
            }
        }
        if (!lost.isEmpty()) {
            problems.add("table(s) lost rows since the previous backup ("
                    + (maxRowLossPercent < 100 ? "more than " + maxRowLossPercent + "% of them, or " : "")
                    + "every row of an essential table; a corrupt table dumps as a header-only CSV): "
                    + String.join(", ", lost) + ". If the rows were removed on purpose, run this backup once with "
                    + vocabulary.given("acceptRowLoss", String.join(",", lostTables))
                    + "; later backups then compare with that one");
        }
        if (!accepted.isEmpty()) {
            notes.add("row loss accepted with " + vocabulary.given("acceptRowLoss", String.join(",", acceptedTables))
                    + ": " + String.join(", ", accepted) + "; later backups compare with this one");
        }
        List<String> unused = acceptRowLoss.stream().filter(t -> !acceptedTables.contains(t)).toList();
        if (!unused.isEmpty()) {
            notes.add(vocabulary.name("acceptRowLoss") + " named " + String.join(", ", unused)
                    + ", which lost no rows that needed accepting");
        }

        List<String> essentialProblems = new ArrayList<>();
        List<String> emptyEssential = new ArrayList<>();
        for (String table : essentialTables) {
            if (selection.skipped().containsKey(table)) {
                essentialProblems.add(table + " (" + selection.skipped().get(table) + ")");
            } else if (!selection.expected().contains(table)) {
                essentialProblems.add(table + " (not in the database's table list)");
            } else if (rows.containsKey(table) && rows.get(table) == 0
                    && previousRows.getOrDefault(table, 0) == 0) {
                emptyEssential.add(table);
            }
        }
        if (!essentialProblems.isEmpty()) {
            problems.add("essential table(s) not backed up: " + String.join(", ", essentialProblems));
        }
        if (!emptyEssential.isEmpty()) {
            notes.add("essential table(s) without rows, as on a freshly initialised management node: "
                    + String.join(", ", emptyEssential) + " (a backup that later finds them emptied fails)");
        }

        if (!listing.otherFiles().isEmpty()) {
            problems.add("unexpected file(s) in the dump directory, which restorexCATdb would replay as tables: "
                    + listing.otherFiles().stream().limit(10).collect(Collectors.joining(", ")));
        }
        if (!selection.skipped().isEmpty()) {
            notes.add("left out on purpose: " + selection.skipped().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        return new Verdict(problems, notes, rows);
    }

    private static String firstReasons(DumpErrors errors) {
        List<String> reasons = errors.reasons();
        if (reasons.isEmpty()) {
            return "";
        }
        return " (" + reasons.stream().limit(3).collect(Collectors.joining("; ")) + (reasons.size() > 3 ? "; ..." : "")
                + ")";
    }
}
