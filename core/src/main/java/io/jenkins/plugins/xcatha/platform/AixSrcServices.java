package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.xcat.LssrcOutput;
import java.util.List;
import java.util.Set;

/**
 * AIX: subsystems run under the System Resource Controller ({@code lssrc}, {@code stopsrc}), and start at
 * boot from /etc/inittab or, for TCP/IP daemons such as dhcpsd, from a {@code start /usr/sbin/NAME} line
 * in /etc/rc.tcpip. {@code rmssys} is not enough: xcatd's inittab entry runs restartxcatd, which defines
 * the subsystem again, so the entry is set to {@code off} with {@code chitab}, and the rc.tcpip line is
 * commented out (the file replaced atomically, its previous version kept as rc.tcpip.xcat-ha.bak).
 */
public final class AixSrcServices implements ServiceManager {
    static final String RC_TCPIP = "/etc/rc.tcpip";
    private static final String RC_MARK = "--rc.tcpip--";
    private static final String INITTAB_MARK = "--inittab--";

    // $1 the subsystem, $2 the same with regex characters escaped.
    private static final String PROBE = "lssrc -s \"$1\" 2>&1; echo '" + RC_MARK + "'; "
            + "grep -E \"^[[:space:]]*start[[:space:]]+/usr/sbin/$2([[:space:]]|\\$)\" " + RC_TCPIP + " 2>/dev/null; "
            + "echo '" + INITTAB_MARK + "'; lsitab \"$1\" 2>/dev/null || "
            // LoadLeveler's subsystem is LoadL, its inittab entry loadl (xCAT's loadl_install).
            + "lsitab \"$(echo \"$1\" | tr '[:upper:]' '[:lower:]')\" 2>/dev/null; true";

    private static final String COMMENT_OUT = "f=" + RC_TCPIP + "; t=\"$f.xcat-ha.$$\"; "
            + "cp -p \"$f\" \"$f.xcat-ha.bak\" && cp -p \"$f\" \"$t\" && "
            + "sed -e \"s|^\\([[:space:]]*start[[:space:]][[:space:]]*/usr/sbin/$1[[:space:]].*\\)\\$|#\\1|\" "
            + "-e \"s|^\\([[:space:]]*start[[:space:]][[:space:]]*/usr/sbin/$1\\)\\$|#\\1|\" \"$f\" > \"$t\" && "
            + "mv \"$t\" \"$f\" || { rm -f \"$t\"; exit 1; }";

    @Override
    public String id() {
        return "AIX SRC";
    }

    @Override
    public ServiceState state(CommandRunner node, String service) throws ShellException, InterruptedException {
        CommandResult r = node.run(Command.shell(PROBE, service, regexEscape(service)));
        String out = r.stdout();
        int rc = out.indexOf(RC_MARK);
        int it = out.indexOf(INITTAB_MARK);
        if (rc < 0 || it < rc) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND,
                    "could not read the state of " + service + ": " + r.combinedOutput());
        }
        LssrcOutput src = LssrcOutput.parse(service, out.substring(0, rc));
        String rcLine = out.substring(rc + RC_MARK.length(), it).strip();
        String inittab = out.substring(it + INITTAB_MARK.length()).strip();
        String bootEntry = null;
        boolean enabled = false;
        if (!rcLine.isEmpty()) {
            bootEntry = RC_TCPIP + ": " + rcLine.lines().findFirst().orElse(rcLine);
            enabled = true;
        } else if (!inittab.isEmpty()) {
            bootEntry = inittab.lines().findFirst().orElse(inittab);
            String[] fields = bootEntry.split(":", 4);
            enabled = fields.length == 4 && !fields[2].equals("off");
        }
        boolean installed = src.defined() || bootEntry != null;
        if (!installed) {
            return ServiceState.notInstalled(service);
        }
        return new ServiceState(service, true, src.active(), enabled, Set.of(), bootEntry);
    }

    @Override
    public List<Command> startCommands(ServiceState state) {
        return List.of(Command.of("startsrc", "-s", state.name()));
    }

    @Override
    public List<Command> stopCommands(ServiceState state) {
        return state.running() ? List.of(Command.of("stopsrc", "-s", state.name())) : List.of();
    }

    @Override
    public List<Command> disableCommands(ServiceState state) {
        if (!state.enabledAtBoot() || state.bootEntry() == null) {
            return List.of();
        }
        if (state.bootEntry().startsWith(RC_TCPIP + ": ")) {
            return List.of(Command.shell(COMMENT_OUT, regexEscape(state.name())));
        }
        String[] f = state.bootEntry().split(":", 4);
        return List.of(Command.of("chitab", f[0] + ":" + f[1] + ":off:" + f[3]));
    }

    @Override
    public String hint(String service) {
        return "Check with `lssrc -s " + service + "`, `lsitab " + service + "` and the start lines of "
                + RC_TCPIP + ".";
    }

    private static String regexEscape(String name) {
        return name.replaceAll("([.+\\[\\]*^$\\\\|?(){}])", "\\\\$1");
    }
}
