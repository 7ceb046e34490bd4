package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lays out a node before it starts: the overlay's upper directory (everything the node
 * sees differently from the host: hostname, hosts, root's keys, sshd config and host keys,
 * fake commands, OS identity) and the state directory (services, database, mounts).
 * Writing the upper directory before the overlay is mounted is the supported way to
 * pre-populate an overlay.
 */
final class NodeImage {
    static final String DOMAIN = "cluster.test";
    static final String VIP_HOSTNAME = "xcatmn";
    static final String SSHD_DIR = "/etc/ssh/xcat-sim";
    /** PATH of every ssh session and exec(): xCAT's directories first, as /etc/profile.d/xcat.sh would make it. */
    static final String PATH = "/opt/xcat/bin:/opt/xcat/sbin:/opt/xcat/share/xcat/tools:/usr/lpp/mmfs/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Password inside cfgloc; tests assert it never shows up in reports or logs. */
    static final String DB_PASSWORD = "S3cretPw-xcat-ha";

    final NodeSpec spec;
    final Path nodeDir;
    final Path upper;
    final Path state;
    final String address;

    NodeImage(NodeSpec spec, Path runDir, String address) {
        this.spec = spec;
        this.nodeDir = runDir.resolve(spec.role());
        this.upper = nodeDir.resolve("upper");
        this.state = nodeDir.resolve("state");
        this.address = address;
    }

    /** Everything but the key generation, which {@link #generateKeys()} runs in parallel. */
    void prepare(List<NodeImage> cluster, String virtualIp, Path clientKeys) {
        try {
            for (String d : List.of("upper", "work", "root", "state")) Files.createDirectories(nodeDir.resolve(d));
            mkdirs("/var/lib/xcat-sim");
            mkdirs("/root", "700"); // bind-mounted over the node's /root by node-init.sh
            writeIdentity(cluster, virtualIp);
            writeSshd(clientKeys);
            installFakes();
            writeXcat(virtualIp);
            writeState(virtualIp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare node " + spec.role(), e);
        }
    }

    /** @param poolOffset first of two RSA pool keys this node may use (distinct per node of a cluster) */
    CompletableFuture<Void> generateKeys(int poolOffset) {
        try {
            Path sshd = hostPath(SSHD_DIR);
            Files.createDirectories(sshd);
            Path home = hostPath(sshDir());
            Files.createDirectories(home);
            String who = "root@" + spec.hostname();
            // RSA keys come from a pool: making one takes up to 1.5 s here (see KeyMaker.rsaPool).
            KeyMaker.copyFromPool(poolOffset, sshd.resolve("ssh_host_rsa_key"), who);
            KeyMaker.copyFromPool(poolOffset + 1, home.resolve("id_rsa"), who);
            return CompletableFuture.allOf(
                    KeyMaker.generate(sshd.resolve("ssh_host_ecdsa_key"), "ecdsa", 256, null, null, who),
                    KeyMaker.generate(sshd.resolve("ssh_host_ed25519_key"), "ed25519", 0, null, null, who));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sshDir() { return spec.flavour().isAix() ? "/.ssh" : "/root/.ssh"; }

    /** Host key lines by algorithm name (ssh-rsa, ecdsa-sha2-nistp256, ssh-ed25519). */
    Map<String, String> hostKeyLines() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String t : List.of("rsa", "ecdsa", "ed25519")) {
            String line = read(hostPath(SSHD_DIR + "/ssh_host_" + t + "_key.pub")).trim();
            keys.put(line.split(" ")[0], line);
        }
        return keys;
    }

    // ---- identity -----------------------------------------------------------------------

    private void writeIdentity(List<NodeImage> cluster, String virtualIp) throws IOException {
        write("/etc/hostname", spec.hostname() + "\n", "644");
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        for (NodeImage n : cluster) {
            hosts.append(n.address).append('\t').append(n.spec.hostname()).append('.').append(DOMAIN).append(' ').append(n.spec.hostname()).append('\n');
        }
        hosts.append(virtualIp).append('\t').append(VIP_HOSTNAME).append('.').append(DOMAIN).append(' ').append(VIP_HOSTNAME).append('\n');
        write("/etc/hosts", hosts.toString(), "644");
        write("/etc/resolv.conf", "search " + DOMAIN + "\nnameserver " + virtualIp + "\n", "644");
        if (spec.flavour().osRelease() != null) {
            write("/etc/os-release", spec.flavour().osRelease(), "644");
        } else {
            whiteout("/etc/os-release");
            whiteout("/etc/debian_version");
            whiteout("/etc/lsb-release");
        }
        if (spec.flavour() == Flavour.RHEL9 || spec.flavour() == Flavour.RHEL7) {
            write("/etc/redhat-release", spec.flavour().osName() + "\n", "644");
        }
        if (spec.flavour() != Flavour.UBUNTU22 && spec.flavour() != Flavour.UBUNTU24) whiteout("/etc/debian_version");
        // passwd: root's home is "/" on AIX; DB2 runs as the instance owner xcatdb.
        StringBuilder passwd = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            if (line.startsWith("root:")) {
                String[] f = line.split(":", -1);
                f[5] = spec.flavour().rootHome();
                f[6] = "/bin/bash";
                line = String.join(":", f);
            }
            passwd.append(line).append('\n');
        }
        if (spec.engine() == DbEngine.DB2) passwd.append("xcatdb:x:3001:3001:xCAT DB2 instance:/var/lib/db2:/bin/bash\n");
        write("/etc/passwd", passwd.toString(), "644");
        if (spec.flavour().isAix()) writeAixBootFiles();
        writeTimeConfig();
    }

    /**
     * The time daemon's configuration as each OS ships it, with the cluster's two NTP servers
     * (which chronyc sources / ntpq -p then list); the other flavours' files are hidden.
     */
    private void writeTimeConfig() throws IOException {
        Flavour f = spec.flavour();
        String servers = "server ntp1." + DOMAIN + " iburst\nserver ntp2." + DOMAIN + " iburst\n";
        String config;
        switch (f) {
            case AIX7:
                config = "server 10.0.0.254\ndriftfile /etc/ntp.drift\n";
                break;
            case RHEL7:
                config = "# For more information about this file, see the man pages\n"
                        + "# ntp.conf(5), ntp_acc(5), ntp_auth(5), ntp_clock(5), ntp_misc(5), ntp_mon(5).\n\n"
                        + "driftfile /var/lib/ntp/drift\n\n"
                        + "# Permit time synchronization with our time source, but do not\n"
                        + "# permit the source to query or modify the service on this system.\n"
                        + "restrict default nomodify notrap nopeer noquery\n\n"
                        + "# Permit all access over the loopback interface.\n"
                        + "restrict 127.0.0.1\nrestrict ::1\n\n"
                        + "# The cluster's time servers.\n" + servers + "\n"
                        + "includefile /etc/ntp/crypto/pw\n\nkeys /etc/ntp/keys\n\ndisable monitor\n";
                break;
            case UBUNTU22:
            case UBUNTU24:
                config = "# Welcome to the chrony configuration file. See chrony.conf(5) for more\n"
                        + "# information about usable directives.\n\n"
                        + "# Include configuration files found in /etc/chrony/conf.d.\nconfdir /etc/chrony/conf.d\n\n"
                        + "# The cluster's time servers (instead of pool ntp.ubuntu.com).\n" + servers + "\n"
                        + "# Use NTP sources found in /etc/chrony/sources.d.\nsourcedir /etc/chrony/sources.d\n\n"
                        + "keyfile /etc/chrony/chrony.keys\n\ndriftfile /var/lib/chrony/chrony.drift\n\n"
                        + "ntsdumpdir /var/lib/chrony\n\nlogdir /var/log/chrony\n\nmaxupdateskew 100.0\n\n"
                        + "rtcsync\n\nmakestep 1 3\n\nleapsectz right/UTC\n";
                break;
            case SLES15:
                config = "# Use public servers from the pool.ntp.org project.\n! pool pool.ntp.org iburst\n"
                        + servers
                        + "# Record the rate at which the system clock gains/losses time.\ndriftfile /var/lib/chrony/drift\n\n"
                        + "# Allow the system clock to be stepped in the first three updates\n"
                        + "# if its offset is larger than 1 second.\nmakestep 1.0 3\n\n"
                        + "# Enable kernel synchronization of the real-time clock (RTC).\nrtcsync\n\n"
                        + "# Specify directory for log files.\nlogdir /var/log/chrony\n\n"
                        + "include /etc/chrony.d/*.conf\n";
                break;
            default: // RHEL9
                config = "# Use public servers from the pool.ntp.org project.\n"
                        + "# Please consider joining the pool (https://www.pool.ntp.org/join.html).\n" + servers + "\n"
                        + "# Use NTP servers from DHCP.\nsourcedir /run/chrony-dhcp\n\n"
                        + "# Record the rate at which the system clock gains/losses time.\ndriftfile /var/lib/chrony/drift\n\n"
                        + "# Allow the system clock to be stepped in the first three updates\n"
                        + "# if its offset is larger than 1 second.\nmakestep 1.0 3\n\n"
                        + "# Enable kernel synchronization of the real-time clock (RTC).\nrtcsync\n\n"
                        + "# Specify directory for log files.\nlogdir /var/log/chrony\n";
                break;
        }
        write(f.timeConfigFile(), config, "644");
        for (String other : List.of("/etc/chrony.conf", "/etc/chrony/chrony.conf", "/etc/ntp.conf")) {
            if (!other.equals(f.timeConfigFile()) && Files.exists(Path.of(other))) whiteout(other); // the host's own
        }
    }

    private void writeAixBootFiles() throws IOException {
        StringBuilder inittab = new StringBuilder(
                ":\n: inittab of a simulated AIX 7.3 xCAT management node\n:\n"
                + "init:2:initdefault:\n"
                + "brc::sysinit:/sbin/rc.boot 3 >/dev/console 2>&1 # Phase 3 of system boot\n"
                + "rc:23456789:wait:/etc/rc 2>&1 | alog -tboot > /dev/console # Multi-User checks\n"
                + "srcmstr:23456789:respawn:/usr/sbin/srcmstr # System Resource Controller\n"
                + "rctcpip:23456789:wait:/etc/rc.tcpip > /dev/console 2>&1 # Start TCP/IP daemons\n"
                + "cron:23456789:respawn:/usr/sbin/cron\n"
                + "xcatd:2:once:/opt/xcat/sbin/restartxcatd > /dev/console 2>&1\n"
                + "conserver:2:once:/usr/bin/startsrc -s conserver > /dev/console 2>&1\n");
        if (spec.hpc().contains(HpcDaemon.TEAL)) {
            inittab.append("teal:2:once:/usr/bin/startsrc -s teal > /dev/console 2>&1\n");
            inittab.append("teal_ll:2:once:/usr/bin/startsrc -s teal_ll > /dev/console 2>&1\n");
        }
        if (spec.hpc().contains(HpcDaemon.CNM)) inittab.append("cnmd:2345:respawn:/opt/isnm/cnm/bin/startCNMD 1>/dev/null 2>&1\n");
        if (spec.hpc().contains(HpcDaemon.LOADL)) inittab.append("loadl:2:once:/usr/lpp/LoadL/resmgr/full/bin/llrctl start\n");
        if (spec.hpc().contains(HpcDaemon.GPFS)) inittab.append("mmfs:2:once:/usr/lpp/mmfs/bin/mmautoload >/dev/console 2>&1\n");
        write("/etc/inittab", inittab.toString(), "644");
        write("/etc/rc.tcpip", "#!/bin/ksh\n# rc.tcpip of a simulated AIX 7.3 xCAT management node\n"
                + "# Start up the daemons\n"
                + "# Start up syslog daemon (for error and event logging)\nstart /usr/sbin/syslogd \"$src_running\"\n"
                + "# Start up dhcpd server\nstart /usr/sbin/dhcpsd \"$src_running\"\n"
                + "# Start up the Network Time Protocol (NTP) daemon\nstart /usr/sbin/xntpd \"$src_running\"\n"
                + "# Start up name server (named)\n#start /usr/sbin/named \"$src_running\"\n", "774");
    }

    // ---- sshd ---------------------------------------------------------------------------

    private void writeSshd(Path clientKeys) throws IOException {
        String config = "# sshd of a simulated xCAT management node (xcat-ha testkit)\n"
                + "ListenAddress " + address + ":22\n"
                + "HostKey " + SSHD_DIR + "/ssh_host_rsa_key\n"
                + "HostKey " + SSHD_DIR + "/ssh_host_ecdsa_key\n"
                + "HostKey " + SSHD_DIR + "/ssh_host_ed25519_key\n"
                + "PidFile /run/sshd.pid\n"
                + "AuthorizedKeysFile .ssh/authorized_keys\n"
                + "PermitRootLogin prohibit-password\n"
                + "PasswordAuthentication no\n"
                + "KbdInteractiveAuthentication no\n"
                + "UsePAM no\n"
                + "StrictModes yes\n"
                + "PrintMotd no\n"
                + "ClientAliveInterval 15\n"
                + "ClientAliveCountMax 4\n"
                + "MaxStartups 100:30:200\n"
                + "MaxSessions 50\n"
                + "LogLevel VERBOSE\n"
                + "SetEnv PATH=" + PATH + "\n"
                + "AcceptEnv LANG LC_* XCATBYPASS XCAT_SKIPTABLES\n"
                // Trilead (Jenkins' SSH library) speaks only SHA-1 era algorithms (ssh-facts Q2).
                + "KexAlgorithms +diffie-hellman-group14-sha1\n"
                + "HostKeyAlgorithms +ssh-rsa\n"
                + "PubkeyAcceptedAlgorithms +ssh-rsa\n"
                + "Subsystem sftp /usr/lib/openssh/sftp-server\n"
                + "ForceCommand /opt/xcat-sim/bin/sshd-command\n";
        write(SSHD_DIR + "/sshd_config", config, "600");
        String home = spec.flavour().rootHome();
        if (!"/".equals(home)) mkdirs(home, "700");
        mkdirs(sshDir(), "700");
        StringBuilder authorized = new StringBuilder();
        for (String k : List.of("id_rsa_pem.pub", "id_rsa_pem_encrypted.pub", "id_ed25519.pub")) {
            authorized.append(read(clientKeys.resolve(k)).trim()).append('\n');
        }
        write(sshDir() + "/authorized_keys", authorized.toString(), "600");
        write("/opt/xcat-sim/bin/sshd-command", resource("sim/lib/sshd-command"), "755");
    }

    // ---- fakes --------------------------------------------------------------------------

    private void installFakes() throws IOException {
        write("/opt/xcat-sim/lib/common.sh", resource("sim/lib/common.sh"), "644");
        write("/opt/xcat-sim/bin/sim-service-state", resource("sim/lib/sim-service-state"), "755");
        for (String lib : List.of("xcatdb.sh", "csvtool.pl", "tables.txt")) write("/opt/xcat-sim/lib/" + lib, resource("sim/lib/" + lib), "644");
        // The real date, for the fake date (clock skew) and for audit timestamps.
        Path realDate = hostPath("/opt/xcat-sim/real/date");
        Files.createDirectories(realDate.getParent());
        Files.copy(Path.of("/usr/bin/date"), realDate);
        // The real mount and umount, for the fake mount's bind mounts of the shared disk (the fakes take their names).
        for (String tool : List.of("mount", "umount")) Files.copy(Path.of("/usr/bin/" + tool), realDate.resolveSibling(tool));
        for (FakeCommands.Fake fake : FakeCommands.ALL_FAKES) {
            if (!fake.when.test(spec)) continue;
            String script = resource("sim/fakes/" + fake.resource);
            for (String p : fake.paths) write(p, script, "755");
        }
        for (FakeCommands.Absent absent : FakeCommands.ABSENT) {
            if (absent.when.test(spec)) whiteout(absent.path);
        }
    }

    // ---- xCAT ---------------------------------------------------------------------------

    private void writeXcat(String virtualIp) throws IOException {
        write("/etc/xCATMN", "", "644");
        mkdirs("/etc/xcat", "755");
        String cfgloc = spec.engine().cfglocLine(virtualIp, DB_PASSWORD);
        if (cfgloc != null) write("/etc/xcat/cfgloc", cfgloc + "\n", "600");
        mkdirs("/install", "755");
        mkdirs("/tftpboot", "755");
        if (spec.engine() != DbEngine.SQLITE) mkdirs(spec.engine().databaseDir(), "700"); // the server's data directory
        mkdirs(("/".equals(spec.flavour().rootHome()) ? "" : spec.flavour().rootHome()) + "/.xcat", "700");
        mkdirs("/var/backup/xcat", "700");
        // The shared data is mounted by hand on the active node only: its file systems are known to the OS but never
        // mounted at boot (fstab "noauto", AIX "mount = false"), as the HA docs require; xCAT exports /install and
        // /tftpboot over NFS.
        StringBuilder fs = new StringBuilder();
        if (spec.flavour().isAix()) {
            fs.append("* /etc/filesystems of a simulated AIX 7.3 xCAT management node\n\n");
            fs.append("/:\n\tdev\t\t= /dev/hd4\n\tvfs\t\t= jfs2\n\tlog\t\t= /dev/hd8\n\tmount\t\t= automatic\n\n");
            for (String dir : sharedDirs()) {
                fs.append(dir).append(":\n\tdev\t\t= ").append(SharedData.device(dir)).append("\n\tvfs\t\t= jfs2\n")
                        .append("\tlog\t\t= INLINE\n\tmount\t\t= false\n\taccount\t\t= false\n\n");
            }
            write("/etc/filesystems", fs.toString(), "664");
        } else {
            fs.append("/dev/mapper/rootvg-root /                       xfs     defaults        0 0\n");
            fs.append("# the xCAT shared data: mounted by hand on the active management node only\n");
            for (String dir : sharedDirs()) {
                fs.append(SharedData.device(dir)).append(' ').append(dir).append(" ext4 noauto,defaults 0 0\n");
            }
            write("/etc/fstab", fs.toString(), "644");
        }
        write("/etc/exports", "/install *(rw,no_root_squash,sync,no_subtree_check)\n"
                + "/tftpboot *(rw,no_root_squash,sync,no_subtree_check)\n", "644");
        if (spec.hpc().contains(HpcDaemon.LOADL)) write("/etc/LoadL.cfg", "LoadLUserid = loadl\nLoadLGroupid = loadl\nLoadLConfig = /u/loadl/LoadL_config\n", "644");
    }

    // ---- state --------------------------------------------------------------------------

    private void writeState(String virtualIp) throws IOException {
        Flavour f = spec.flavour();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ROLE", spec.role());
        env.put("FLAVOUR", f.name());
        env.put("INIT_SYSTEM", f.initSystem().name().toLowerCase(Locale.ROOT));
        env.put("ENGINE", spec.engine().name());
        env.put("NODE_HOSTNAME", spec.hostname());
        env.put("NODE_ADDRESS", address);
        env.put("VIRTUAL_IP", virtualIp);
        env.put("DOMAIN", DOMAIN);
        env.put("TIME_DAEMON", f.timeDaemon());
        env.put("TIME_CONFIG", f.timeConfigFile());
        env.put("OS_NAME", f.osName());
        StringBuilder sb = new StringBuilder("# written by the xcat-ha testkit when the node was created\n");
        env.forEach((k, v) -> sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
        Files.writeString(state.resolve("node.env"), sb.toString());
        Files.createDirectories(state.resolve("faults"));
        Files.writeString(state.resolve("audit.log"), "");
        Files.writeString(state.resolve("calls.log"), "");
        Files.writeString(state.resolve("received.log"), "");
        for (String service : installedServices()) {
            Path d = state.resolve("svc").resolve(service);
            Files.createDirectories(d);
            Files.writeString(d.resolve("running"), Integer.toString(1000 + Math.floorMod(service.hashCode(), 30000)) + "\n");
            if (f.initSystem() == InitSystem.SYSV) Files.writeString(d.resolve("levels"), "xcatd".equals(service) ? "345\n" : "2345\n");
            else Files.writeString(d.resolve("enabled"), "");
            if (f.isAix()) Files.writeString(d.resolve("subsystem"), "");
            if ("gpfs".equals(service)) Files.writeString(d.resolve("autoload"), ""); // mmlsconfig autoload: yes
        }
        // The active node has the shared data mounted; a fresh standby has none of it.
        StringBuilder mounts = new StringBuilder();
        if (spec.active()) {
            for (String dir : sharedDirs()) mounts.append(SharedData.device(dir)).append(' ').append(dir).append(' ').append(SharedData.fsType(f)).append('\n');
        }
        Files.writeString(state.resolve("mounts"), mounts.toString());
        Files.writeString(state.resolve("vip"), spec.active() ? virtualIp + "\n" : "");
        Files.writeString(state.resolve("exports"), spec.active() ? "/install\n/tftpboot\n" : "");
        if (spec.engine() == DbEngine.DB2) {
            Files.createDirectories(state.resolve("db2"));
            Files.writeString(state.resolve("db2").resolve("running"), "");
            Files.writeString(state.resolve("db2").resolve("autostart"), "");
        }
        // the cluster's shared view of the network: this node's address, and the virtual IP while it holds it
        Path cluster = nodeDir.getParent().resolve("cluster");
        for (String d : List.of("addresses", "vip", "cut", "dns", "vg")) Files.createDirectories(cluster.resolve(d));
        // AIX: the shared file systems are on the volume group xcatvg, varied on at the active node only
        if (f.isAix() && (spec.active() || !Files.exists(cluster.resolve("vg").resolve(SimulatedCluster.SHARED_VOLUME_GROUP)))) {
            Files.writeString(cluster.resolve("vg").resolve(SimulatedCluster.SHARED_VOLUME_GROUP), spec.active() ? spec.hostname() + "\n" : "");
        }
        Files.writeString(cluster.resolve("addresses").resolve(spec.hostname()), address + "\n");
        if (spec.active()) {
            Files.writeString(cluster.resolve("vip").resolve(spec.hostname()), virtualIp + "\n");
            // its named serves the cluster's names (makedns -n ran there)
            StringBuilder dns = new StringBuilder();
            for (int i = 1; i <= 4; i++) dns.append("cn").append(i).append(" 10.0.1.").append(i).append('\n');
            dns.append(spec.hostname()).append(' ').append(address).append('\n').append(VIP_HOSTNAME).append(' ').append(virtualIp).append('\n');
            Files.writeString(cluster.resolve("dns").resolve(spec.hostname()), dns.toString());
        }
        if (spec.active()) seedSharedDisk(cluster.resolve("shared"));
        XcatDatabase.write(state.resolve("db"), spec, virtualIp, DOMAIN, List.of());
        // The active node's database is the one on the shared disk, which moves with the shared data.
        Path shared = cluster.resolve("shared-db");
        if (spec.active() && !Files.exists(shared)) XcatDatabase.write(shared, spec, virtualIp, DOMAIN, List.of());
        if (spec.dumpDelayMillis() > 0) Files.writeString(state.resolve("faults").resolve("dump-delay"), Long.toString(spec.dumpDelayMillis()));
        if (spec.realDurations()) Files.writeString(state.resolve("durations"), REAL_DURATIONS);
    }

    /** Milliseconds per table, from xcat-observed's second observation: 68 s, 141 s and 93 s for 71 tables. */
    static final String REAL_DURATIONS = "dump=958\nbypass=1986\nrestore=1310\n";

    /**
     * The shared disk starts as the active node's shared directories were when xCAT was set up on it: one host
     * directory per device, which node-init and the fake mount bind over the directory of whichever node mounts it,
     * so that /etc/xcat/cfgloc, /install and the rest move with the shared data. Each node keeps its own files
     * under the mount point, as a real local disk does.
     */
    private void seedSharedDisk(Path disk) throws IOException {
        for (String dir : sharedDirs()) {
            Path device = disk.resolve(SharedData.deviceName(dir));
            if (Files.exists(device)) continue;
            Path local = hostPath(dir);
            Files.createDirectories(device);
            if (Files.isDirectory(local)) copyTree(local, device);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
            }
        }
    }

    /** The HA docs' shared directories for this node's OS and engine. */
    List<String> sharedDirs() {
        List<String> dirs = new ArrayList<>(List.of("/etc/xcat", "/install", ("/".equals(spec.flavour().rootHome()) ? "" : "/root") + "/.xcat", "/tftpboot"));
        if (spec.engine() != DbEngine.SQLITE) dirs.add(spec.engine().databaseDir());
        return dirs;
    }

    List<String> installedServices() {
        Flavour f = spec.flavour();
        List<String> s = new ArrayList<>();
        s.add("xcatd");
        s.addAll(f.dhcpServices());
        s.add(f.timeDaemon());
        s.add("conserver");
        switch (spec.engine()) {
            case MYSQL: s.add(f == Flavour.RHEL7 ? "mysqld" : f == Flavour.UBUNTU22 || f == Flavour.UBUNTU24 ? "mysql" : "mariadb"); break;
            case POSTGRESQL: s.add("postgresql"); break;
            default: break;
        }
        for (HpcDaemon d : spec.hpc()) s.addAll(d.services());
        return s;
    }

    // ---- low-level ----------------------------------------------------------------------

    /**
     * Where a node path lives in the upper directory. Parents are resolved through the
     * host's symlinks first (merged /usr: /sbin -> usr/sbin), because a real directory at
     * upper/sbin would hide the host's whole /usr/sbin from the node.
     */
    Path hostPath(String nodePath) {
        Path p = Path.of(nodePath);
        Path existing = Path.of("/");
        int i = 0;
        for (; i < p.getNameCount() - 1; i++) {
            Path next = existing.resolve(p.getName(i).toString());
            if (!Files.exists(next)) break;
            try {
                existing = next.toRealPath();
            } catch (IOException e) {
                break;
            }
        }
        Path rest = existing;
        for (; i < p.getNameCount(); i++) rest = rest.resolve(p.getName(i).toString());
        return upper.resolve(Path.of("/").relativize(rest).toString());
    }

    void write(String nodePath, String content, String mode) throws IOException {
        Path target = hostPath(nodePath);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Files.writeString(target, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(unixMode(mode)));
    }

    private void mkdirs(String nodePath) throws IOException { Files.createDirectories(hostPath(nodePath)); }

    private void mkdirs(String nodePath, String mode) throws IOException {
        Path d = hostPath(nodePath);
        Files.createDirectories(d);
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(unixMode(mode)));
    }

    /** An overlayfs whiteout: the path disappears from the node's view. */
    void whiteout(String nodePath) throws IOException {
        Path target = hostPath(nodePath);
        Files.createDirectories(target.getParent());
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.delete(target);
        Shell.runOrThrow("mknod", target.toString(), "c", "0", "0");
    }

    static String unixMode(String octal) {
        StringBuilder sb = new StringBuilder();
        for (char c : octal.toCharArray()) {
            int v = c - '0';
            sb.append((v & 4) != 0 ? 'r' : '-').append((v & 2) != 0 ? 'w' : '-').append((v & 1) != 0 ? 'x' : '-');
        }
        return sb.toString();
    }

    static String resource(String name) {
        try (InputStream in = NodeImage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("testkit resource missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
