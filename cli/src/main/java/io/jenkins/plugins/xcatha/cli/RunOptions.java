package io.jenkins.plugins.xcatha.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What to do with the result: check mode, where the artifacts go, how the result maps to the exit code. */
final class RunOptions {
    @Option(names = "--check", order = 20, description = "Report what would change and change nothing.")
    boolean check;

    @Option(names = "--out", order = 21, paramLabel = "DIR",
            description = "Write report.json, junit.xml and summary.txt under DIR/xcat-ha/<procedure>[-n]/, as in a build.")
    Path out;

    @Option(names = "--json", order = 22, description = "Print the report as JSON on stdout (progress goes to stderr).")
    boolean json;

    @Option(names = "--fail-on-warning", order = 23, description = "Exit 1 instead of 3 when a step ends with WARNING.")
    boolean failOnWarning;
}
