package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;

/**
 * What a node runs: its OS family (root's home, command dialects) and its init system (how services are
 * stopped and kept from starting at boot).
 */
public record Platform(OsFamily os, InitSystem init) {

    // One round trip: uname, then whether systemd is the service manager (systemctl present).
    private static final String PROBE = "uname -s; if command -v systemctl >/dev/null 2>&1; "
            + "then echo systemd; else echo other; fi";

    public ServiceManager services() {
        return init.services();
    }

    /**
     * Detects the platform of a node; {@code override} (may be null) replaces the detected init system.
     *
     * @throws IllegalStateException when the OS is not Linux or AIX
     */
    public static Platform detect(CommandRunner node, InitSystem override) throws ShellException, InterruptedException {
        CommandResult r = node.run(Command.shell(PROBE));
        String[] lines = r.stdout().strip().split("\n");
        if (r.exitCode() != 0 || lines.length < 2) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND,
                    "could not detect the operating system (uname -s): " + r.combinedOutput());
        }
        return of(lines[0], lines[1].strip().equals("systemd"), override);
    }

    /**
     * The platform from what a node said: {@code uname -s} and whether systemctl is present.
     *
     * @throws IllegalStateException when the OS is not Linux or AIX
     */
    public static Platform of(String unameS, boolean hasSystemctl, InitSystem override) {
        OsFamily os;
        try {
            os = OsFamily.fromUname(unameS);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        InitSystem init;
        if (override != null) {
            init = override;
        } else if (os == OsFamily.AIX) {
            init = InitSystem.AIX_SRC;
        } else {
            init = hasSystemctl ? InitSystem.SYSTEMD : InitSystem.SYSV;
        }
        return new Platform(os, init);
    }

    @Override
    public String toString() {
        return os.name().charAt(0) + os.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " ("
                + init.services().id() + ")";
    }
}
