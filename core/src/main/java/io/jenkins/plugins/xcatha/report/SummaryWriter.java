package io.jenkins.plugins.xcatha.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code summary.txt}: the table a person reads first (step, host, status, duration, message), the result,
 * the hosts, and for each failed step its failing commands with exit codes and the last lines of their output.
 * Control characters from command output are shown as {@code \x1B} tokens ({@link SafeText#terminal}), so
 * {@code cat summary.txt} cannot recolour or clear a terminal.
 */
public final class SummaryWriter {
    public static final String FILE_NAME = "summary.txt";
    /** Lines of output shown per stream of a failed step's command; report.json has them all. */
    static final int TAIL_LINES = 10;

    public String toText(ProcedureReport report) {
        return SafeText.terminal(rawText(report));
    }

    private String rawText(ProcedureReport report) {
        StringBuilder text = new StringBuilder();
        text.append("xcat-ha ").append(report.procedure()).append(" (").append(report.mode().id())
                .append("), started ").append(report.startedAt()).append('\n').append('\n');
        text.append(rawTable(report));
        text.append('\n');
        text.append(rawFooter(report));
        return text.toString();
    }

    /**
     * What follows the table: the result line, the hosts, and the details of failed steps. The CLI prints it
     * after its live progress lines, which already showed each step.
     */
    public String footer(ProcedureReport report) {
        return SafeText.terminal(rawFooter(report));
    }

    private String rawFooter(ProcedureReport report) {
        StringBuilder text = new StringBuilder();
        text.append(resultLine(report)).append('\n');
        text.append("Hosts: ").append(hostsLine(report)).append('\n');
        for (StepResult step : report.steps()) {
            if (step.status() == Status.FAILED) {
                text.append('\n').append(failureDetail(step));
            }
        }
        return text.toString();
    }

    public void write(ProcedureReport report, Path file) throws IOException {
        AtomicFiles.write(file, toText(report).getBytes(StandardCharsets.UTF_8));
    }

    /** One line per step; the CLI prints the same table after a run. */
    public String table(ProcedureReport report) {
        return SafeText.terminal(rawTable(report));
    }

    private String rawTable(ProcedureReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "HOST", "STATUS", "DURATION", "MESSAGE"});
        for (StepResult step : report.steps()) {
            rows.add(new String[] {step.id(), SafeText.terminal(oneLine(step.host())), step.status().name(),
                duration(step.durationMs()), oneLine(step.message())});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append(pad(row[0], width[0])).append("  ").append(pad(row[1], width[1])).append("  ")
                    .append(pad(row[2], width[2])).append("  ").append(padLeft(row[3], width[3])).append("  ")
                    .append(row[4]);
            table.append('\n');
        }
        return table.toString().replaceAll(" +\n", "\n");
    }

    /** E.g. {@code Result: UNSTABLE (10 steps: 6 OK, 2 CHANGED, 1 WARNING, 1 SKIPPED) in 4.2 s}. */
    public String resultLine(ProcedureReport report) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (StepResult step : report.steps()) {
            counts.merge(step.status(), 1, Integer::sum);
        }
        StringJoiner parts = new StringJoiner(", ");
        counts.forEach((status, n) -> parts.add(n + " " + status));
        return "Result: " + report.result() + (report.aborted() ? " (aborted)" : "") + " ("
                + report.steps().size() + " steps: " + parts + ") in " + duration(report.durationMs());
    }

    public String hostsLine(ProcedureReport report) {
        StringJoiner hosts = new StringJoiner(", ");
        report.hosts().forEach((role, host) -> hosts.add(role + " " + host));
        return hosts.toString();
    }

    private static String failureDetail(StepResult step) {
        StringBuilder text = new StringBuilder();
        text.append("FAILED ").append(step.id()).append(step.host().isEmpty() ? "" : " on " + step.host())
                .append(": ").append(step.message()).append('\n');
        // The commands that went wrong are the evidence; the ones that exited 0 stay in report.json and junit.xml.
        List<CommandRecord> failing = step.commands().stream()
                .filter(c -> c.exitCode() == null || c.exitCode() != 0).toList();
        if (failing.isEmpty() && !step.commands().isEmpty()) {
            text.append("  (its ").append(step.commands().size()).append(" command(s) all exited 0: the finding is in"
                    + " their output, kept in report.json and junit.xml)\n");
        }
        for (CommandRecord c : failing) {
            text.append("  $ ").append(c.host()).append(": ").append(c.command()).append('\n');
            text.append("    exit ").append(c.exitCode() == null ? "none (did not complete)" : c.exitCode())
                    .append(" after ").append(c.durationMs()).append(" ms\n");
            tail(text, "stdout", c.stdout());
            tail(text, "stderr", c.stderr());
        }
        return text.toString();
    }

    private static void tail(StringBuilder text, String name, String output) {
        if (output == null || output.isBlank()) {
            return;
        }
        String[] lines = output.strip().split("\r?\n");
        int from = Math.max(0, lines.length - TAIL_LINES);
        text.append("    ").append(name);
        if (from > 0) {
            text.append(" (last ").append(TAIL_LINES).append(" of ").append(lines.length).append(" lines)");
        }
        text.append(":\n");
        for (int i = from; i < lines.length; i++) {
            text.append("      ").append(lines[i]).append('\n');
        }
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " / ").strip();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
