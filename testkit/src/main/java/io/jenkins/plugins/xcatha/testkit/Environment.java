package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether this machine can run simulated nodes: root, util-linux unshare and nsenter,
 * OpenSSH's sshd and ssh-keygen, and an overlay mount of "/" inside a private mount namespace.
 */
public final class Environment {
    private static volatile String problem;
    private static volatile boolean checked;

    private Environment() {}

    /** Why simulated nodes cannot run here, or null when they can. Checked once per JVM. */
    public static String problem() {
        if (!checked) {
            synchronized (Environment.class) {
                if (!checked) {
                    problem = findProblem();
                    checked = true;
                }
            }
        }
        return problem;
    }

    static void requireUsable() {
        String p = problem();
        if (p != null) throw new IllegalStateException("simulated xCAT nodes cannot run on this machine: " + p);
    }

    private static String findProblem() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) return "needs Linux (namespaces, overlayfs)";
        if (!isRoot()) return "needs root (mount and UTS namespaces, overlay mounts, sshd on port 22); running as " + System.getProperty("user.name");
        for (String tool : List.of("/usr/bin/unshare", "/usr/bin/nsenter", "/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/usr/bin/setsid", "/usr/sbin/chroot")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return "missing " + tool + " (install " + (tool.contains("ssh") ? "openssh-server and openssh-client" : "util-linux / coreutils") + ")";
            }
        }
        if (!Files.isExecutable(Path.of("/usr/lib/openssh/sftp-server"))) return "missing /usr/lib/openssh/sftp-server (openssh-sftp-server)";
        return overlayProblem();
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[1].equals("0");
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Tries the exact mount a node needs, in a throw-away namespace. */
    private static String overlayProblem() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("xcat-ha-sim-probe");
            for (String d : List.of("upper", "work", "root")) Files.createDirectory(dir.resolve(d));
            ExecResult r = Shell.run("/usr/bin/unshare", "--mount", "--uts", "--propagation", "private", "--",
                    "/bin/sh", "-c", "mount -t overlay overlay -o lowerdir=/,upperdir=$0/upper,workdir=$0/work $0/root && test -x $0/root/usr/sbin/sshd && hostname probe",
                    dir.toString());
            if (r.exitCode() != 0) return "cannot overlay-mount / in a private mount namespace: " + (r.stderr() + r.stdout()).trim();
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot probe namespaces: " + e;
        } finally {
            if (dir != null) Shell.run("rm", "-rf", "--one-file-system", dir.toString());
        }
    }
}
