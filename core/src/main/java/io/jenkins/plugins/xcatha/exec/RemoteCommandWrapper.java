package io.jenkins.plugins.xcatha.exec;

import java.time.Duration;

/**
 * How the SSH shells send a command so that it can really be stopped. Closing an SSH channel without a
 * terminal leaves the remote process running, so the command line first reports its process id on
 * stderr (read and removed by {@link PidMarkerStream}) and then runs under coreutils {@code timeout},
 * which sends TERM to the whole process group at the limit and KILL two seconds later. sshd makes every session a process group of its
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
                + "if command -v timeout >/dev/null 2>&1; then exec timeout -k 2 " + seconds + " sh -c " + line
                + "; else exec sh -c " + line + "; fi";
    }

    /**
     * Kills the process group of the wrapped command whose id the marker reported. {@code kill -9 -PGID}:
     * dash (/bin/sh on Debian and Ubuntu) refuses both {@code kill -KILL -- -PGID} and
     * {@code kill -s KILL -PGID}, and a fallback to the leader alone would leave its children running.
     */
    public static Command killCommand(long pid) {
        if (pid <= 1) {
            throw new IllegalArgumentException("refusing to kill process " + pid);
        }
        // "kill -9 -PGID": dash's kill builtin accepts neither "--" nor "-s KILL" before a negative id.
        // The guard repeats the check on the node: "kill -9 -1" would kill every process there.
        return Command.shell("[ \"$1\" -gt 1 ] 2>/dev/null || exit 0; kill -9 -\"$1\" 2>/dev/null"
                + " || kill -9 \"$1\" 2>/dev/null; exit 0", Long.toString(pid));
    }

    /**
     * timeout(1) exits 124 when it stopped the command; 137 (or, through ssh, 255 for "killed by a
     * signal") when the command needed the KILL. Only counted when the limit had indeed passed.
     */
    public static boolean killedByTimeout(int exitCode, long elapsedMillis, Duration timeout) {
        return (exitCode == 124 || exitCode == 137 || exitCode == 255) && elapsedMillis + 250 >= timeout.toMillis();
    }

    /** The failure of a command that outlived its limit; {@code aftermath} says what became of its processes. */
    public static ShellException timedOut(String target, String line, Duration timeout, String aftermath) {
        return new ShellException(target, ShellException.Phase.TIMEOUT, "`" + line + "` did not finish within "
                + timeout.toSeconds() + " s; " + aftermath);
    }
}
