package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;

/**
 * The DB2 instance of an xCAT database, managed by root as HA scripts do it: {@code db2gcf -s|-u|-d -i INSTANCE}
 * (status, start, stop) and {@code db2iauto -on|-off INSTANCE} (start at boot), from the DB2 installation under
 * /opt/ibm/db2 (AIX /opt/IBM/db2). The instance is the second field of cfgloc's {@code DB2:db|instance|password}
 * (the password never leaves the node).
 */
record Db2Instance(String installation, String instance, boolean running, boolean autostart) {
    private static final int NOT_INSTALLED = 3;
    private static final String PROBE = "b=''; for d in /opt/ibm/db2/V* /opt/IBM/db2/V*; do "
            + "[ -x \"$d/bin/db2gcf\" ] && b=$d; done; [ -n \"$b\" ] || exit " + NOT_INSTALLED + "; "
            + "i=$(sed -n '1s/^DB2:[^|]*|\\([^|]*\\)|.*$/\\1/p' /etc/xcat/cfgloc 2>/dev/null); i=${i:-xcatdb}; "
            + "echo \"installation=$b\"; echo \"instance=$i\"; \"$b/bin/db2gcf\" -s -i \"$i\"; "
            + "echo \"autostart=$(\"$b/bin/db2set\" -i \"$i\" DB2AUTOSTART 2>/dev/null)\"; true";

    /** The instance as the node has it now; null when DB2 is not installed there. */
    static Db2Instance read(StepContext context, Node node) throws ShellException, InterruptedException {
        CommandResult r = context.run(node, Command.shell(PROBE));
        if (r.exitCode() == NOT_INSTALLED) {
            return null;
        }
        String installation = value(r.stdout(), "installation");
        String instance = value(r.stdout(), "instance");
        boolean running = r.stdout().lines().anyMatch(l -> l.matches("DB2 State\\s*:\\s*Available.*"));
        boolean autostart = value(r.stdout(), "autostart").equalsIgnoreCase("YES");
        return new Db2Instance(installation, instance, running, autostart);
    }

    private static String value(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElse("");
    }

    Command start() {
        return Command.of(installation + "/bin/db2gcf", "-u", "-i", instance);
    }

    Command stop() {
        return Command.of(installation + "/bin/db2gcf", "-d", "-i", instance);
    }

    Command disableAutostart() {
        return Command.of(installation + "/instance/db2iauto", "-off", instance);
    }

    String describe() {
        return "DB2 instance " + instance + " (" + (running ? "available" : "stopped") + ", "
                + (autostart ? "starts at boot" : "not started at boot") + ")";
    }
}
