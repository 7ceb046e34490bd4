package io.jenkins.plugins.xcatha.xcat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code lsxcatd -a}, {@code -v} or {@code -d} printed. Lines are matched anywhere in the output, never
 * by position: a plugin that fails to load adds an {@code Error loading module} first line (xcat-observed
 * D8). The printed {@code cfgloc=} line never carries the password, but this class keeps no cfgloc anyway.
 */
public final class LsxcatdOutput {
    private static final Pattern VERSION = Pattern.compile("(?m)^Version (\\S+)");
    private static final Pattern DBENGINE = Pattern.compile("(?m)^dbengine=(\\S+)\\s*$");
    /** The exit code of an xCAT client whose connection to xcatd was refused (Perl die, ECONNREFUSED). */
    public static final int DAEMON_UNREACHABLE_EXIT = 111;

    private final String version;
    private final DatabaseEngine engine;
    private final boolean managementNode;
    private final boolean serviceNode;

    private LsxcatdOutput(String version, DatabaseEngine engine, boolean managementNode, boolean serviceNode) {
        this.version = version;
        this.engine = engine;
        this.managementNode = managementNode;
        this.serviceNode = serviceNode;
    }

    public static LsxcatdOutput parse(String stdout) {
        String text = stdout == null ? "" : stdout;
        Matcher v = VERSION.matcher(text);
        String version = v.find() ? v.group(1) : null;
        Matcher d = DBENGINE.matcher(text);
        DatabaseEngine engine = null;
        if (d.find()) {
            try {
                engine = DatabaseEngine.fromDbengine(d.group(1));
            } catch (IllegalArgumentException unknown) {
                engine = null;
            }
        }
        return new LsxcatdOutput(version, engine,
                text.lines().anyMatch(l -> l.strip().equals("This is a Management Node")),
                text.lines().anyMatch(l -> l.strip().equals("This is a Service Node")));
    }

    /**
     * True when an xCAT client could not reach xcatd: exit 111, or the client's own "Unable to open socket
     * connection" text (other connection failures give other exit codes).
     */
    public static boolean daemonUnreachable(int exitCode, String stdout) {
        return exitCode == DAEMON_UNREACHABLE_EXIT
                || (exitCode != 0 && stdout != null && stdout.contains("Unable to open socket connection"));
    }

    /** The xCAT version, e.g. {@code 2.19.0}. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<DatabaseEngine> engine() {
        return Optional.ofNullable(engine);
    }

    public boolean managementNode() {
        return managementNode;
    }

    public boolean serviceNode() {
        return serviceNode;
    }
}
