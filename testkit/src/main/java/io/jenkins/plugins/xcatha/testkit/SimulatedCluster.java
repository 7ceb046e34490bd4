package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A set of simulated xCAT management nodes started together: usually a pair, "primary"
 * (the active MN: virtual IP, shared data mounted) and "standby" (a fresh install, xcatd
 * and DHCP running and enabled, shared data not mounted). One client key logs in as root
 * on every node and one known_hosts file lists them all. Close it: teardown kills every
 * node process and removes the run directory; a JVM shutdown hook does the same.
 */
public final class SimulatedCluster implements AutoCloseable {
    /** AIX: the volume group that holds the shared file systems, varied on at one node at a time. */
    public static final String SHARED_VOLUME_GROUP = "xcatvg";

    private static final Set<SimulatedCluster> OPEN = Collections.synchronizedSet(new HashSet<>());
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (SimulatedCluster c : new ArrayList<>(OPEN)) c.close();
        }, "xcat-ha-testkit-teardown"));
    }

    private final Path runDir;
    private final String virtualIp;
    private final Map<String, SimulatedNode> nodes = new LinkedHashMap<>();
    private final long startMillis;
    private volatile boolean closed;

    private SimulatedCluster(Path runDir, String virtualIp) {
        this.runDir = runDir;
        this.virtualIp = virtualIp;
        this.startMillis = System.currentTimeMillis();
    }

    /** The usual pair: "primary" (active) and "standby", same flavour and engine. */
    public static SimulatedCluster startPair(Flavour flavour, DbEngine engine) {
        return start(NodeSpec.node("primary").flavour(flavour).engine(engine),
                NodeSpec.node("standby").flavour(flavour).engine(engine));
    }

    /** A RHEL9 / SQLite pair. */
    public static SimulatedCluster startPair() { return startPair(Flavour.RHEL9, DbEngine.SQLITE); }

    public static SimulatedCluster start(NodeSpec... specs) {
        Environment.requireUsable();
        if (specs.length == 0) throw new IllegalArgumentException("at least one node");
        Set<String> roles = new HashSet<>(), names = new HashSet<>();
        for (NodeSpec s : specs) {
            if (!roles.add(s.role())) throw new IllegalArgumentException("two nodes with role " + s.role());
            if (!names.add(s.hostname())) throw new IllegalArgumentException("two nodes with hostname " + s.hostname());
        }
        Path clientKeys = KeyMaker.clientKeys();
        Path runDir = RunDirectory.create();
        Set<String> taken = new HashSet<>();
        String vip = freeLoopbackAddress(taken);
        SimulatedCluster cluster = new SimulatedCluster(runDir, vip);
        OPEN.add(cluster);
        try {
            cluster.launch(specs, clientKeys, taken);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void launch(NodeSpec[] specs, Path clientKeys, Set<String> taken) {
        try {
            Path lib = Files.createDirectories(runDir.resolve("lib"));
            Files.writeString(lib.resolve("node-init.sh"), NodeImage.resource("sim/node-init.sh"));
            Path keys = Files.createDirectories(runDir.resolve("keys"));
            for (String k : List.of("id_rsa_pem", "id_rsa_pem_encrypted", "id_ed25519")) {
                Files.copy(clientKeys.resolve(k), keys.resolve(k), StandardCopyOption.COPY_ATTRIBUTES);
                Files.copy(clientKeys.resolve(k + ".pub"), keys.resolve(k + ".pub"), StandardCopyOption.COPY_ATTRIBUTES);
                Files.setPosixFilePermissions(keys.resolve(k), PosixFilePermissions.fromString("rw-------"));
            }
            List<NodeImage> images = new ArrayList<>();
            for (NodeSpec s : specs) images.add(new NodeImage(s, runDir, freeLoopbackAddress(taken)));
            List<CompletableFuture<Void>> work = new ArrayList<>();
            if (images.size() * 2 > KeyMaker.RSA_POOL_SIZE) throw new IllegalArgumentException("at most " + KeyMaker.RSA_POOL_SIZE / 2 + " nodes");
            int poolOffset = RANDOM.nextInt(KeyMaker.RSA_POOL_SIZE);
            for (int i = 0; i < images.size(); i++) {
                images.get(i).prepare(images, virtualIp, keys);
                work.add(images.get(i).generateKeys(poolOffset + 2 * i));
            }
            CompletableFuture.allOf(work.toArray(new CompletableFuture[0])).join();
            for (NodeImage image : images) nodes.put(image.spec.role(), new SimulatedNode(image, lib));
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (SimulatedNode n : nodes.values()) starts.add(CompletableFuture.runAsync(n::start));
            CompletableFuture.allOf(starts.toArray(new CompletableFuture[0])).join();
            writeKnownHosts();
            writeJvmHosts();
            for (SimulatedNode n : nodes.values()) for (Fault f : n.spec().faults()) n.inject(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
            throw e;
        }
    }

    /**
     * A random 127.A.B.C nobody listens on (port 22 bindable), so parallel runs on one
     * machine never collide and every node can use port 22, as real MNs do.
     */
    private static String freeLoopbackAddress(Set<String> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String a = "127." + (16 + RANDOM.nextInt(230)) + "." + (1 + RANDOM.nextInt(254)) + "." + (1 + RANDOM.nextInt(254));
            if (taken.contains(a)) continue;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(a), 22));
                taken.add(a);
                return a;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback address found");
    }

    private void writeKnownHosts() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (SimulatedNode n : nodes.values()) {
            for (String line : n.hostKeyLines().values()) {
                String[] f = line.split(" ");
                sb.append(n.hostname()).append(',').append(n.fqdn()).append(',').append(n.address()).append(' ').append(f[0]).append(' ').append(f[1]).append('\n');
            }
        }
        Files.writeString(knownHostsFile(), sb.toString());
    }

    private void writeJvmHosts() throws IOException {
        StringBuilder sb = new StringBuilder("127.0.0.1 localhost\n::1 localhost\n");
        for (SimulatedNode n : nodes.values()) sb.append(n.address()).append(' ').append(n.hostname()).append(' ').append(n.fqdn()).append('\n');
        sb.append(virtualIp).append(' ').append(NodeImage.VIP_HOSTNAME).append(' ').append(NodeImage.VIP_HOSTNAME).append('.').append(NodeImage.DOMAIN).append('\n');
        Files.writeString(jvmHostsFile(), sb.toString());
    }

    // ---- access -------------------------------------------------------------------------

    public SimulatedNode node(String role) {
        SimulatedNode n = nodes.get(role);
        if (n == null) throw new IllegalArgumentException("no node with role " + role + " (have " + nodes.keySet() + ")");
        return n;
    }

    public SimulatedNode primary() { return node("primary"); }

    public SimulatedNode standby() { return node("standby"); }

    public List<SimulatedNode> nodes() { return List.copyOf(nodes.values()); }

    /** The cluster's virtual IP (site.master): a loopback address nothing listens on. */
    public String virtualIp() { return virtualIp; }

    /** The host name the nodes' /etc/hosts give the virtual IP. */
    public String virtualHostname() { return NodeImage.VIP_HOSTNAME; }

    /** Unencrypted RSA key in PEM format, authorized for root on every node. */
    public ClientKey clientKey() { return new ClientKey(runDir.resolve("keys/id_rsa_pem"), null); }

    /** The same kind of key, encrypted (AES-128-CBC PEM) with {@link ClientKey#passphrase()}. */
    public ClientKey encryptedClientKey() { return new ClientKey(runDir.resolve("keys/id_rsa_pem_encrypted"), KeyMaker.ENCRYPTED_KEY_PASSPHRASE); }

    /** An ed25519 key in OpenSSH format: authorized too, but Trilead cannot read it. */
    public Path opensshFormatKeyFile() { return runDir.resolve("keys/id_ed25519"); }

    /** known_hosts with every node's rsa, ecdsa and ed25519 key, by hostname, FQDN and address. */
    public Path knownHostsFile() { return runDir.resolve("keys/known_hosts"); }

    /** A hosts file for -Djdk.net.hosts.file: localhost, every node and the VIP name. */
    public Path jvmHostsFile() { return runDir.resolve("keys/hosts"); }

    /** The run directory (/tmp/xcat-ha-sim/run...). */
    public Path runDirectory() { return runDir; }

    /** argv for the system ssh client logging in to a node as root with the client key (BatchMode, this known_hosts). */
    public List<String> sshCommand(SimulatedNode node, String... remoteCommand) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-i", clientKey().privateKeyFile().toString(),
                "-o", "UserKnownHostsFile=" + knownHostsFile(), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10", "-o", "KexAlgorithms=curve25519-sha256", "-o", "LogLevel=ERROR",
                "-p", Integer.toString(node.port()), "root@" + node.address()));
        argv.addAll(List.of(remoteCommand));
        return argv;
    }

    /** Runs a command on a node through the real ssh client. */
    public ExecResult ssh(SimulatedNode node, String... remoteCommand) { return Shell.run(sshCommand(node, remoteCommand), 120); }

    public long uptimeMillis() { return System.currentTimeMillis() - startMillis; }

    /** Kills every node process (sshd, sessions, hanging commands) and removes the run directory. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (SimulatedNode n : nodes.values()) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // keep tearing down the others; RunDirectory.remove kills by namespace again
            }
        }
        RunDirectory.remove(runDir);
        OPEN.remove(this);
    }

    public boolean isClosed() { return closed; }

    @Override
    public String toString() { return "SimulatedCluster" + nodes.values() + " vip " + virtualIp; }
}
