package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.math.BigDecimal;

/**
 * A node's clock read over SSH, placed in the time of the machine that runs the procedure: the remote
 * reading is compared with the midpoint of the round trip, and half the round trip is the uncertainty.
 */
record ClockReading(double offsetSeconds, double uncertaintySeconds) {
    /**
     * AIX date has no %N (whole seconds, one more second of uncertainty), and not every AIX level knows %s:
     * then Perl, which every xCAT management node has, gives the epoch seconds.
     */
    private static final String AIX_SECONDS = "t=$(date -u +%s 2>/dev/null); case \"$t\" in ''|*[!0-9]*) "
            + "exec perl -e 'print time, \"\\n\"' ;; esac; echo \"$t\"";

    static ClockReading read(StepContext context, Node node, OsFamily os) throws ShellException, InterruptedException {
        Command date = os == OsFamily.AIX ? Command.shell(AIX_SECONDS) : Command.of("date", "+%s.%N");
        long before = System.currentTimeMillis();
        long start = System.nanoTime();
        CommandResult r = context.run(node, date);
        long roundTripNanos = System.nanoTime() - start;
        if (r.exitCode() != 0) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "could not read the clock of "
                    + node.label() + " (`date` exit " + r.exitCode() + "): " + NodeCommands.firstLine(r));
        }
        double remote;
        try {
            remote = new BigDecimal(r.stdout().strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "unexpected `date` output on "
                    + node.label() + ": " + NodeCommands.firstLine(r));
        }
        double local = (before + roundTripNanos / 2_000_000.0) / 1000.0;
        double uncertainty = roundTripNanos / 2e9 + (os == OsFamily.AIX ? 1.0 : 0.0);
        return new ClockReading(remote - local, uncertainty);
    }
}
