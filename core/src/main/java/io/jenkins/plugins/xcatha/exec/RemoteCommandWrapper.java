package io.jenkins.plugins.xcatha.exec;

import java.time.Duration;

/**
 * How the SSH shells send a command so that it can really be stopped. Closing an SSH channel without a
 * terminal leaves the remote process running, so the command line first reports its process id on
 * stderr (read and removed by {@link PidMarkerStream}) and then runs under coreutils {@code timeout},
 * which kills the whole process group at the limit. sshd makes every session a process group of its
 * own, so an abort can kill exactly the command's processes with {@link #killCommand(long)}.
 */
public final class RemoteCommandWrapper {
    static final String PID_MARKER = "xcat-ha-pid:";

    private RemoteCommandWrapper() {
    }

    /** The line sent to sshd for {@code command}, limited to {@code timeout} where the node has timeout(1). */
    public static String wrap(Command command, Duration timeout) {
        String line = ShellQuoting.quote(ShellQuoting.commandLine(command));
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return "echo " + PID_MARKER + "$$ >&2; "
                + "if command -v timeout >/dev/null 2>&1; then exec timeout -s KILL " + seconds + " sh -c " + line
                + "; else exec sh -c " + line + "; fi";
    }

    /**
     * Kills the process group of the wrapped command whose id the marker reported. {@code kill -KILL -PGID}
     * first: dash (/bin/sh on Debian and Ubuntu) refuses both {@code kill -KILL -- -PGID} and
     * {@code kill -s KILL -PGID}, and the fallback would kill the leader alone, leaving its children running.
     */
    public static Command killCommand(long pid) {
        return Command.shell("kill -KILL -\"$1\" 2>/dev/null || kill -KILL -- -\"$1\" 2>/dev/null"
                + " || kill -KILL \"$1\" 2>/dev/null; exit 0", Long.toString(pid));
    }

    /** timeout(1) reports a kill by SIGKILL as 137 (and 124 for its default signal). */
    public static boolean killedByTimeout(int exitCode, long elapsedMillis, Duration timeout) {
        return (exitCode == 137 || exitCode == 124) && elapsedMillis + 250 >= timeout.toMillis();
    }
}
