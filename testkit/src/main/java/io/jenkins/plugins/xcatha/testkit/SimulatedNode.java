package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One simulated xCAT management node: a real sshd in its own mount and UTS namespaces, on
 * its own loopback address, port 22, with a private filesystem view (an overlay of the
 * host's root), fake xCAT/OS/HPC commands and a state directory the test can inspect.
 */
public final class SimulatedNode {
    private static final long START_TIMEOUT_MS = 15_000;

    private final NodeImage image;
    private final Path runLib;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private Process launcher;
    private long sshdPid;
    private long keeperPid;
    private String mountNamespace;
    private volatile boolean networkDropped;
    private volatile boolean crashed;

    SimulatedNode(NodeImage image, Path runLib) {
        this.image = image;
        this.runLib = runLib;
    }

    // ---- lifecycle ----------------------------------------------------------------------

    void start() {
        Path log = image.nodeDir.resolve("sshd.log");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/setsid", "/usr/bin/unshare", "--mount", "--uts", "--propagation", "private", "--",
                "/bin/bash", runLib.resolve("node-init.sh").toString(), image.nodeDir.toString(), image.spec.hostname());
        pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            launcher = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + role(), e);
        }
        sshdPid = launcher.pid(); // setsid, unshare, bash and chroot all exec: this is sshd
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            String text = readQuietly(log);
            if (text.contains("Server listening on")) break;
            if (!launcher.isAlive() || System.currentTimeMillis() > deadline) {
                launcher.destroyForcibly();
                throw new IllegalStateException("node " + role() + " (" + hostname() + " at " + address() + ":22) did not start; sshd log:\n" + text);
            }
            NodeProcesses.sleep(5);
        }
        try {
            keeperPid = Long.parseLong(Files.readString(image.nodeDir.resolve("keeper.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("node " + role() + " started without its keeper process", e);
        }
        // node-init.sh publishes the keeper only once it is chrooted: every read through its root sees the node.
        if (!(hostname() + "\n").equals(readQuietly(Path.of("/proc", Long.toString(keeperPid), "root", "etc", "hostname")))) {
            throw new IllegalStateException("node " + role() + " started but its keeper process does not see the node's files");
        }
        mountNamespace = NodeProcesses.mountNamespaceOf(keeperPid);
        try {
            Files.writeString(image.nodeDir.resolve(RunDirectory.NAMESPACE_FILE), mountNamespace + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills every process of the node; the kernel then drops its mounts. */
    void stop() {
        if (mountNamespace != null) NodeProcesses.killAll(mountNamespace, nodeRoot());
        if (launcher != null) {
            launcher.destroyForcibly();
            try {
                launcher.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- identity -----------------------------------------------------------------------

    public String role() { return image.spec.role(); }
    public String hostname() { return image.spec.hostname(); }
    public String fqdn() { return hostname() + "." + NodeImage.DOMAIN; }
    public String address() { return image.address; }
    public int port() { return 22; }
    public Flavour flavour() { return image.spec.flavour(); }
    public DbEngine engine() { return image.spec.engine(); }
    public NodeSpec spec() { return image.spec; }
    /** Root's home in the node: "/root", or "/" on AIX. */
    public String rootHome() { return flavour().rootHome(); }
    /** Root's .ssh directory in the node. */
    public String sshDir() { return image.sshDir(); }
    /** The shared directories of the HA docs for this node (SQLite keeps its DB in /etc/xcat). */
    public List<String> sharedDirs() { return image.sharedDirs(); }
    /** Services installed at start (xcatd, DHCP, time daemon, conserver, DB server, HPC). */
    public List<String> installedServices() { return image.installedServices(); }
    /** The password inside /etc/xcat/cfgloc (null for SQLite): it must never leak into reports. */
    public String databasePassword() { return engine() == DbEngine.SQLITE ? null : NodeImage.DB_PASSWORD; }

    /** OpenSSH public host key lines by algorithm (ssh-rsa, ecdsa-sha2-nistp256, ssh-ed25519). */
    public Map<String, String> hostKeyLines() { return image.hostKeyLines(); }

    /** "SHA256:..." of a host key; algorithm "rsa", "ssh-rsa", "ecdsa", "ed25519", "ssh-ed25519"... */
    public String hostKeyFingerprint(String algorithm) {
        String a = algorithm.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : hostKeyLines().entrySet()) {
            if (e.getKey().equals(a) || e.getKey().equals("ssh-" + a) || e.getKey().startsWith(a + "-")) return KeyMaker.fingerprint(e.getValue());
        }
        throw new IllegalArgumentException("no host key of type " + algorithm + " (have " + hostKeyLines().keySet() + ")");
    }

    /** The node's root public key (~/.ssh/id_rsa.pub in the node). */
    public String rootPublicKey() { return readFile(sshDir() + "/id_rsa.pub").trim(); }

    // ---- observation --------------------------------------------------------------------

    /** The state directory (services, faults, database CSVs, audit logs), on the host. */
    public Path stateDir() { return image.state; }

    /** The overlay's upper directory: every file the node changed or the testkit put there. */
    public Path upperDir() { return image.upper; }

    /** PID of the node's sshd listener. */
    public long sshdPid() { return sshdPid; }

    /** Every command line sshd received, exactly as the client sent it, in order. */
    public List<String> receivedCommands() { return LengthPrefixed.records(read(image.state.resolve("received.log"))); }

    /** The human-readable audit log: "TIME ssh: LINE" per session, "TIME exec: ARGV (printf %q)" per fake command. */
    public List<String> auditLog() {
        String text = read(image.state.resolve("audit.log"));
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Every fake-command invocation as its exact argv (argv[0] = the command name). */
    public List<List<String>> invocations() { return LengthPrefixed.argvRecords(read(image.state.resolve("calls.log"))); }

    /** The argv of every invocation of one fake command, e.g. invocations("systemctl"). */
    public List<List<String>> invocations(String command) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> argv : invocations()) if (argv.get(0).equals(command)) out.add(argv);
        return out;
    }

    /** Empties the audit logs, e.g. after arranging a test and before acting. */
    public void clearAudit() {
        for (String f : List.of("audit.log", "calls.log", "received.log")) {
            try {
                Files.writeString(image.state.resolve(f), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every live process of the node (sshd, sessions, hanging fakes), as "PID command line". */
    public List<String> processesOfNode() { return NodeProcesses.describe(NodeProcesses.inNamespace(mountNamespace, nodeRoot())); }

    /** The node's root directory on the host (the overlay mount point, inside the node's namespace). */
    public Path nodeRoot() { return image.nodeDir.resolve("root"); }

    /** The node's mount namespace ("mnt:[...]"), for leak checks after close(). */
    public String mountNamespace() { return mountNamespace; }

    // ---- running commands in the node ---------------------------------------------------

    /**
     * Runs argv inside the node (its namespaces and root, as root, cwd = root's home) without
     * SSH, like a local shell on the management node would. Fake commands record it.
     */
    public ExecResult exec(String... argv) { return inNode(false, 120, argv); }

    /** Runs a shell script inside the node with bash -c. */
    public ExecResult shell(String script) { return exec("/bin/bash", "-c", script); }

    /** Like exec, but fake commands leave no audit entry: for the test's own look-ups. */
    public ExecResult observe(String... argv) { return inNode(true, 120, argv); }

    private ExecResult inNode(boolean quiet, long timeoutSeconds, String... argv) {
        requireNamespace();
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/nsenter", "--target", Long.toString(keeperPid), "--mount", "--uts", "--root", "--wd",
                "--", "/usr/bin/env", "-i", "PATH=" + NodeImage.PATH, "HOME=" + rootHome(), "USER=root", "LOGNAME=root", "SHELL=/bin/bash", "LANG=C.UTF-8"));
        if (quiet) cmd.add("SIM_NO_AUDIT=1");
        cmd.addAll(List.of("/bin/bash", "-c", "cd \"$HOME\" 2>/dev/null; exec \"$@\"", "sim-exec"));
        cmd.addAll(Arrays.asList(argv));
        return Shell.run(cmd, timeoutSeconds);
    }

    /** A file's content as the node sees it. */
    public String readFile(String pathInNode) {
        try {
            return Files.readString(inNodePath(pathInNode), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // An absolute symlink would resolve against the host's root through /proc/PID/root: ask the node.
            ExecResult r = observe("cat", "--", pathInNode);
            if (r.exitCode() != 0) throw new UncheckedIOException(new IOException("node " + role() + ": cannot read " + pathInNode + ": " + r.stderr().trim()));
            return r.stdout();
        }
    }

    public boolean fileExists(String pathInNode) {
        if (Files.exists(inNodePath(pathInNode))) return true;
        return observe("test", "-e", pathInNode).exitCode() == 0;
    }

    /** Writes a file in the node (through its overlay), e.g. to arrange a test. */
    public void writeFile(String pathInNode, String content) {
        try {
            Path p = inNodePath(pathInNode);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path inNodePath(String pathInNode) {
        if (!pathInNode.startsWith("/")) throw new IllegalArgumentException("absolute node path expected: " + pathInNode);
        requireNamespace();
        return Path.of("/proc", Long.toString(keeperPid), "root", pathInNode.substring(1));
    }

    private void requireNamespace() {
        if (mountNamespace == null || !NodeProcesses.alive(keeperPid)) throw new IllegalStateException("node " + role() + " is not running");
    }

    /** A service as the node's own tools report it. */
    public ServiceState service(String name) {
        String[] f = observe("/opt/xcat-sim/bin/sim-service-state", name).stdoutOrThrow().trim().split(" ");
        return new ServiceState(name, "yes".equals(f[0]), "yes".equals(f[1]), "yes".equals(f[2]));
    }

    /** Shared directories currently in the node's simulated mount table. */
    public List<String> mountedDirs() {
        List<String> dirs = new ArrayList<>();
        for (String line : read(image.state.resolve("mounts")).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) dirs.add(f[1]);
        }
        return dirs;
    }

    /** Whether the node's network interfaces carry the cluster's virtual IP. */
    public boolean carriesVirtualIp() { return !read(image.state.resolve("vip")).isBlank(); }

    /** AIX: the volume groups the node has varied on, as its {@code lsvg -o} lists them (unaudited). */
    public List<String> variedOnVolumeGroups() { return observe("lsvg", "-o").stdoutOrThrow().lines().toList(); }

    // ---- faults -------------------------------------------------------------------------

    /** Injects a fault now; {@link #clearFaults()} takes back every injected fault but a crash. */
    public synchronized void inject(Fault f) {
        FaultInjector.apply(this, f);
    }

    /** Undoes every injected fault (network restored, tools back, files as before); a crash stays. */
    public synchronized void clearFaults() {
        if (networkDropped) restoreNetwork();
        while (!undo.isEmpty()) undo.pop().run();
        try (var files = Files.list(image.state.resolve("faults"))) {
            for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void onClear(Runnable r) { undo.push(r); }

    /** SIGSTOPs every sshd of the node: connections stay open, nothing answers. */
    public synchronized void dropNetwork() {
        if (crashed) throw new IllegalStateException("node " + role() + " has crashed");
        NodeProcesses.signal("STOP", sshdProcesses());
        networkDropped = true;
        writeQuietly(clusterFile("cut/" + hostname()), "");
    }

    /** SIGCONTs them again. */
    public synchronized void restoreNetwork() {
        NodeProcesses.signal("CONT", sshdProcesses());
        networkDropped = false;
        try {
            Files.deleteIfExists(clusterFile("cut/" + hostname()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean networkDropped() { return networkDropped; }

    /**
     * The node restarts, as an old primary that was cut off or powered off comes back: its network answers
     * again; the virtual IP (never persistent) is gone; nothing of the shared data is mounted or exported; every
     * service runs exactly when it starts at boot. (Not after {@link #crash()}: its sshd is gone for good.)
     */
    public synchronized void reboot() {
        if (crashed) throw new IllegalStateException("node " + role() + " has crashed: it cannot be rebooted");
        if (networkDropped) restoreNetwork();
        // a reboot mounts none of the shared data (noauto) and varies on no shared volume group (auto-varyon off)
        observe("/bin/bash", "-c", ". /opt/xcat-sim/lib/common.sh; while read -r dev dir _; do "
                + "sim_unbind_shared \"$dev\" \"$dir\" 2>/dev/null || true; done < \"$SIM_STATE/mounts\"; "
                + "for vg in \"$SIM_CLUSTER\"/vg/*; do [ -e \"$vg\" ] && [ \"$(cat \"$vg\")\" = \"$NODE_HOSTNAME\" ] "
                + "&& : > \"$vg\"; done; true").stdoutOrThrow();
        try {
            Files.deleteIfExists(clusterFile("cut/" + hostname()));
            Files.deleteIfExists(clusterFile("vip/" + hostname()));
            Files.deleteIfExists(clusterFile("dns/" + hostname()));
            Files.writeString(image.state.resolve("vip"), "");
            Files.writeString(image.state.resolve("mounts"), "");
            Files.writeString(image.state.resolve("exports"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        observe("/bin/bash", "-c", ". /opt/xcat-sim/lib/common.sh; "
                + "for d in \"$SIM_STATE\"/svc/*/; do n=$(basename \"$d\"); "
                + "if sim_svc_enabled \"$n\"; then sim_svc_set_running \"$n\" yes; else sim_svc_set_running \"$n\" no; fi; "
                + "rm -f \"$d/failed\"; done; "
                + "if [ -d \"$SIM_STATE/db2\" ]; then if [ -e \"$SIM_STATE/db2/autostart\" ]; then touch \"$SIM_STATE/db2/running\"; "
                + "else rm -f \"$SIM_STATE/db2/running\"; fi; fi").stdoutOrThrow();
    }

    /** SIGKILLs every sshd (listener and sessions) and their commands: the node is gone for its peers. Files stay readable. */
    public synchronized void crash() {
        List<Long> victims = new ArrayList<>(NodeProcesses.inNamespace(mountNamespace, nodeRoot()));
        victims.remove(keeperPid);
        NodeProcesses.signal("KILL", victims);
        crashed = true;
        // down: nothing it held (its address, the virtual IP) answers any more
        writeQuietly(clusterFile("cut/" + hostname()), "");
        networkDropped = false;
    }

    public boolean crashed() { return crashed; }

    private List<Long> sshdProcesses() {
        List<Long> pids = new ArrayList<>();
        for (long pid : NodeProcesses.inNamespace(mountNamespace, nodeRoot())) if ("sshd".equals(NodeProcesses.command(pid))) pids.add(pid);
        return pids;
    }

    // ---- helpers for the fault injector -------------------------------------------------

    Path faultFile(String name) { return image.state.resolve("faults").resolve(name); }

    Path stateFile(String name) { return image.state.resolve(name); }

    /** Removes a file from the node's view and remembers how to put it back. */
    void removeFromView(String pathInNode) {
        Path p = inNodePath(pathInNode);
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
            boolean link = Files.isSymbolicLink(p);
            Path linkTarget = link ? Files.readSymbolicLink(p) : null;
            byte[] content = link ? null : Files.readAllBytes(p);
            Set<PosixFilePermission> perms = link ? null : Files.getPosixFilePermissions(p);
            Files.delete(p);
            onClear(() -> {
                try {
                    if (link) {
                        Files.createSymbolicLink(p, linkTarget);
                    } else {
                        Files.write(p, content);
                        Files.setPosixFilePermissions(p, perms);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces a node file's content and remembers the old one (or its absence). */
    void replaceFile(String pathInNode, String content, String mode) {
        Path p = inNodePath(pathInNode);
        try {
            boolean existed = Files.exists(p);
            String before = existed ? Files.readString(p) : null;
            Set<PosixFilePermission> perms = existed ? Files.getPosixFilePermissions(p) : null;
            if (content == null) {
                Files.deleteIfExists(p);
            } else {
                Files.createDirectories(p.getParent());
                Files.writeString(p, content);
                if (mode != null) Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(NodeImage.unixMode(mode)));
            }
            onClear(() -> {
                try {
                    if (existed) {
                        Files.writeString(p, before);
                        Files.setPosixFilePermissions(p, perms);
                    } else {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds the shared disk's storage of {@code dir} over it, as the fake mount does, until the faults are cleared. */
    void bindShared(String dir) {
        String device = SharedData.device(dir);
        observe("/bin/bash", "-c", ". /opt/xcat-sim/lib/common.sh; sim_bind_shared \"$1\" \"$2\"", "bind", device, dir)
                .stdoutOrThrow();
        onClear(() -> observe("/bin/bash", "-c", ". /opt/xcat-sim/lib/common.sh; sim_unbind_shared \"$1\" \"$2\"",
                "unbind", device, dir).stdoutOrThrow());
    }

    /** Replaces a state file's content and remembers the old one. */
    void replaceState(String name, String content) {
        replaceUndoably(image.state.resolve(name), content);
    }

    /**
     * Where this node's xCAT database is on the host: the shared disk's while /etc/xcat is mounted on the node
     * (the active node), else its own local one.
     */
    Path databaseDir() {
        return mountedDirs().contains("/etc/xcat") ? clusterFile("shared-db") : image.state.resolve("db");
    }

    /** The file of {@code table} in the database this node uses, as a path inside the node. */
    public String tableFile(String table) {
        return (mountedDirs().contains("/etc/xcat") ? "/var/lib/xcat-sim-cluster/shared-db/" : "/var/lib/xcat-sim/db/")
                + table + ".csv";
    }

    /**
     * Keeps only the first {@code rows} rows of a table in the database this node uses, as deleting definitions
     * (rmdef, chtab -d) or losing them by mistake does.
     */
    public void keepRows(String table, int rows) {
        String path = tableFile(table);
        List<String> lines = readFile(path).lines().toList();
        StringBuilder kept = new StringBuilder(lines.isEmpty() ? "" : lines.get(0) + "\n");
        lines.stream().skip(1).limit(rows).forEach(l -> kept.append(l).append('\n'));
        writeFile(path, kept.toString());
    }

    /** A file every node of the cluster sees (/var/lib/xcat-sim-cluster inside the nodes). */
    Path clusterFile(String name) {
        return image.nodeDir.getParent().resolve("cluster").resolve(name);
    }

    /** Replaces (null: removes) a file of the cluster's shared state, and remembers the old one. */
    void replaceClusterFile(String name, String content) {
        replaceUndoably(clusterFile(name), content);
    }

    /** This node holds the cluster's virtual IP from now on, as `ip addr add` would have made it. */
    void holdVirtualIp(String address) {
        replaceState("vip", address + "\n");
        replaceClusterFile("vip/" + hostname(), address + "\n");
    }

    private void replaceUndoably(Path p, String content) {
        try {
            String before = Files.exists(p) ? Files.readString(p) : null;
            Files.createDirectories(p.getParent());
            if (content == null) Files.deleteIfExists(p);
            else Files.writeString(p, content);
            onClear(() -> {
                try {
                    if (before == null) Files.deleteIfExists(p);
                    else Files.writeString(p, before);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeQuietly(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return role() + " " + hostname() + " (" + flavour() + ", " + engine() + ") at " + address() + ":22";
    }
}
