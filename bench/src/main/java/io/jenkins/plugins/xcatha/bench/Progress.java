package io.jenkins.plugins.xcatha.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stdout, each with the time since the benchmark started, so a long run shows it is alive. */
final class Progress {
    private static final long START = System.nanoTime();
    private static final PrintStream OUT = System.out;

    private Progress() {
    }

    static synchronized void line(String text) {
        long s = (System.nanoTime() - START) / 1_000_000_000L;
        OUT.printf(Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, text);
        OUT.flush();
    }
}
