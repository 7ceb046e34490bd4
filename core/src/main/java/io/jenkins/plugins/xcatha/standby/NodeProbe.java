package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.InitSystem;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.InterfaceAddresses;
import io.jenkins.plugins.xcatha.xcat.LsxcatdOutput;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import io.jenkins.plugins.xcatha.xcat.PublicKeyLine;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Everything preflight reads from a node, in one round trip: OS and init system, host name, interface
 * addresses, the sshd's host keys, the cfgloc prefix (only the word before the first {@code :} leaves the
 * node: the rest of that line is the database password), the mount table and the xCAT version. The
 * version comes through xcatd, or from the files when xcatd is down (a re-run after stop-xcat-services).
 */
public final class NodeProbe {
    private static final String MARK = "@@xcat-ha@@ ";
    private static final String SCRIPT = "PATH=$PATH:/opt/xcat/bin:/opt/xcat/sbin:/usr/sbin:/sbin; export PATH; "
            + "unset XCATBYPASS; "
            + "echo '" + MARK + "os'; uname -s; if command -v systemctl >/dev/null 2>&1; then echo systemd; "
            + "else echo other; fi; "
            + "echo '" + MARK + "hostname'; hostname; "
            + "echo '" + MARK + "interfaces'; if [ \"$(uname -s)\" = AIX ]; then ifconfig -a; else ip -o addr show; fi; "
            + "echo '" + MARK + "hostkeys'; " + NodeCommands.HOST_KEYS + "; "
            + "echo '" + MARK + "cfgloc'; if [ -f /etc/xcat/cfgloc ]; then "
            + "sed -n '1s/^\\([A-Za-z0-9]*\\):.*$/\\1/p' /etc/xcat/cfgloc; else echo '(no cfgloc)'; fi; "
            + "echo '" + MARK + "mount'; mount; "
            + "echo '" + MARK + "version'; lsxcatd -v 2>/dev/null || XCATBYPASS=1 lsxcatd -v 2>/dev/null; "
            + "echo '" + MARK + "end'";

    private final Map<String, String> sections;

    private NodeProbe(Map<String, String> sections) {
        this.sections = sections;
    }

    public static NodeProbe run(StepContext context, Node node) throws ShellException, InterruptedException {
        CommandResult r = context.run(node, Command.shell(SCRIPT));
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : r.stdout().split("\n", -1)) {
            if (line.startsWith(MARK)) {
                if (current != null) {
                    sections.put(current, text.toString());
                }
                current = line.substring(MARK.length()).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (!sections.containsKey("version") || current == null || !current.equals("end")) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "could not read what " + node.label()
                    + " runs (exit " + r.exitCode() + "): " + NodeCommands.firstLine(r));
        }
        return new NodeProbe(sections);
    }

    private String section(String name) {
        return sections.getOrDefault(name, "");
    }

    /** @throws IllegalStateException when the node runs neither Linux nor AIX */
    public Platform platform(InitSystem override) {
        String[] os = section("os").strip().split("\n");
        return Platform.of(os[0], os.length > 1 && os[1].strip().equals("systemd"), override);
    }

    public NodeIdentity identity() {
        return new NodeIdentity(section("hostname").strip(), InterfaceAddresses.parse(section("interfaces")).external(),
                new LinkedHashSet<>(PublicKeyLine.findAll(section("hostkeys"))));
    }

    public DatabaseEngine engine() {
        String prefix = section("cfgloc").strip();
        return DatabaseEngine.fromCfglocPrefix(prefix.equals("(no cfgloc)") ? "" : prefix);
    }

    public MountTable mounts() {
        return MountTable.parse(section("mount"));
    }

    public Optional<String> xcatVersion() {
        return LsxcatdOutput.parse(section("version")).version();
    }
}
