package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.report.StepResult;
import java.io.PrintStream;

/**
 * One line when a step starts and one when it ends, in the build log:
 * {@code [xcat-ha] (3/10) shared-data on mn2: started} then {@code ... CHANGED in 1.2 s: unmounted /install}.
 * Command output is not echoed (the report keeps it), so a long dump does not flood the log.
 */
public final class BuildLogProgress implements ProgressListener {
    static final String PREFIX = "[xcat-ha] ";
    private final PrintStream log;

    public BuildLogProgress(PrintStream log) {
        this.log = log;
    }

    @Override
    public void stepStarted(int index, int total, ProcedureStep step, String host) {
        log.println(PREFIX + position(index, total) + step.id() + on(host) + ": started (" + step.title() + ")");
        log.flush();
    }

    @Override
    public void stepFinished(int index, int total, StepResult result) {
        String message = oneLine(result.message());
        log.println(PREFIX + position(index, total) + result.id() + on(result.host()) + ": " + result.status()
                + " in " + seconds(result.durationMs()) + (message.isEmpty() ? "" : ": " + message));
        log.flush();
    }

    @Override
    public void message(String text) {
        log.println(PREFIX + oneLine(text));
        log.flush();
    }

    private static String position(int index, int total) {
        return "(" + index + "/" + total + ") ";
    }

    private static String on(String host) {
        return host == null || host.isEmpty() ? "" : " on " + host;
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s*\\R\\s*", " | ");
        return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
    }
}
