package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.report.SafeText;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a run as it happens. On a terminal, the running step has a status line whose elapsed time ticks,
 * replaced by the step's result when it ends; elsewhere (a pipe, a CI log) each finished step is one plain
 * line, since carriage returns would garble a log file.
 */
final class ProgressPrinter implements ProgressListener, AutoCloseable {
    private static final String CLEAR_LINE = "\r\u001b[K";
    private final PrintWriter out;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private ScheduledFuture<?> tick;
    private String running;
    private long runningSince;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.ticker = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xcat-ha-progress");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** A terminal is attached when the JVM has a console (System.console() is null under a pipe). */
    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void stepStarted(int index, int total, ProcedureStep step, String host) {
        String label = String.format(Locale.ROOT, "[%2d/%d] %-20s %s", index, total, step.id(),
                SafeText.terminal(host));
        // In a log, the step after the last finished one is the one running: a start line would only double
        // the output. On a terminal, the status line shows it with its elapsed time.
        if (terminal) {
            running = label;
            runningSince = System.nanoTime();
            redraw();
            tick = ticker.scheduleAtFixedRate(this::redraw, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stepFinished(int index, int total, StepResult result) {
        stopTicking();
        String line = String.format(Locale.ROOT, "[%2d/%d] %-20s %-8s %8s  %s", index, total, result.id(),
                result.status(), seconds(result.durationMs()),
                SafeText.terminal(result.message().replaceAll("\\s*\\R\\s*", " / ")));
        out.print(terminal ? CLEAR_LINE : "");
        out.println(line.stripTrailing());
        out.flush();
    }

    @Override
    public synchronized void message(String text) {
        out.print(terminal && running != null ? CLEAR_LINE : "");
        out.println("  note: " + SafeText.terminal(text));
        out.flush();
        if (terminal && running != null) {
            redraw();
        }
    }

    private synchronized void redraw() {
        if (running == null) {
            return;
        }
        long millis = (System.nanoTime() - runningSince) / 1_000_000;
        out.print(CLEAR_LINE + running + "  running " + seconds(millis));
        out.flush();
    }

    private void stopTicking() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        running = null;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public synchronized void close() {
        stopTicking();
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
