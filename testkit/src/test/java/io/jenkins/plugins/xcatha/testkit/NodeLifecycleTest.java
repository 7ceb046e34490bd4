package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

public class NodeLifecycleTest {

    @BeforeClass
    public static void simulationRunsHere() {
        org.junit.Assume.assumeTrue(Environment.problem(), Environment.problem() == null);
    }

    @Test
    public void pairStartsInUnderTwoSeconds() {
        SimulatedCluster.startPair().close(); // warm-up: key pools, class loading
        long t0 = System.nanoTime();
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("pair started in " + ms + " ms");
            // generous bound: the machine is shared; typical is well under one second
            assertThat(ms, lessThan(2000L));
            assertEquals(0, c.ssh(c.standby(), "true").exitCode());
        }
    }

    @Test
    public void rootsFilesAreReadableTheMomentThePairIsReady() {
        // Once seen as "No such file" right after start: the keeper's pid was published before its chroot.
        for (int i = 0; i < 3; i++) {
            try (SimulatedCluster c = SimulatedCluster.startPair(Flavour.RHEL7, DbEngine.MYSQL)) {
                for (SimulatedNode n : c.nodes()) {
                    assertThat(n.readFile("/root/.ssh/authorized_keys"), containsString(c.clientKey().publicKeyLine()));
                    assertEquals(n.hostname() + "\n", n.observe("cat", "/etc/hostname").stdout());
                }
            }
        }
    }

    @Test
    public void eachNodeHasItsOwnHostnameAndRootHome() {
        try (SimulatedCluster c = SimulatedCluster.start(
                NodeSpec.node("primary").flavour(Flavour.RHEL9),
                NodeSpec.node("standby").flavour(Flavour.AIX7))) {
            assertEquals("xcatmn1\n", c.ssh(c.primary(), "hostname").stdout());
            assertEquals("xcatmn2\n", c.ssh(c.standby(), "hostname").stdout());
            assertEquals("/root\n", c.ssh(c.primary(), "echo $HOME").stdout());
            assertEquals("/\n", c.ssh(c.standby(), "echo $HOME").stdout());
            assertEquals("Linux\n", c.ssh(c.primary(), "uname -s").stdout());
            assertEquals("AIX\n", c.ssh(c.standby(), "uname -s").stdout());
            assertTrue(c.standby().fileExists("/.ssh/authorized_keys"));
            assertTrue(c.standby().fileExists("/.ssh/id_rsa.pub"));
            assertFalse("AIX has no /etc/os-release", c.standby().fileExists("/etc/os-release"));
            assertThat(c.primary().readFile("/etc/os-release"), containsString("ID=\"rhel\""));
            assertNotEquals(c.primary().address(), c.standby().address());
            assertNotEquals(c.primary().rootPublicKey(), c.standby().rootPublicKey());
            assertNotEquals(c.primary().hostKeyFingerprint("rsa"), c.standby().hostKeyFingerprint("rsa"));
        }
    }

    @Test
    public void nodesReachEachOtherWithRealSshOnceTrustIsSetUp() {
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            SimulatedNode p = c.primary(), s = c.standby();
            String toStandby = "ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o ConnectTimeout=5 " + s.hostname() + " hostname";
            ExecResult before = c.ssh(p, toStandby);
            assertNotEquals("no trust yet: the procedure under test sets it up", 0, before.exitCode());
            assertThat(before.stderr(), containsString("Permission denied"));
            s.shell("cat >> ~/.ssh/authorized_keys <<'EOF'\n" + p.rootPublicKey() + "\nEOF");
            ExecResult after = c.ssh(p, toStandby);
            assertEquals(after.toString(), 0, after.exitCode());
            assertEquals("xcatmn2\n", after.stdout());
            assertThat(s.receivedCommands(), hasItem("hostname"));
        }
    }

    @Test
    public void sshdRecordsTheExactCommandLineAndFakesTheirExactArguments() {
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            SimulatedNode p = c.primary();
            String line = "chdef -t site clustersite 'domain=a b;c' && echo \"$HOME\"";
            ExecResult r = c.ssh(p, line);
            assertEquals(r.toString(), 0, r.exitCode());
            assertEquals(List.of(line), p.receivedCommands());
            assertEquals(List.of(List.of("chdef", "-t", "site", "clustersite", "domain=a b;c")), p.invocations("chdef"));
            assertThat(p.auditLog().toString(), containsString("chdef -t site clustersite domain=a\\ b\\;c"));
        }
    }

    @Test
    public void sftpAndScpKeepWorkingBehindTheAuditWrapper() throws Exception {
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            SimulatedNode p = c.primary();
            Path local = Files.createTempFile("xcat-ha-scp", ".txt");
            try {
                Files.writeString(local, "payload\n");
                for (String mode : List.of("-s", "-O")) { // sftp protocol (default) and legacy scp
                    ExecResult r = Shell.run("scp", mode, "-i", c.clientKey().privateKeyFile().toString(),
                            "-o", "UserKnownHostsFile=" + c.knownHostsFile(), "-o", "BatchMode=yes",
                            local.toString(), "root@" + p.address() + ":/tmp/up" + mode);
                    assertEquals(r.toString(), 0, r.exitCode());
                    assertEquals("payload\n", p.readFile("/tmp/up" + mode));
                }
            } finally {
                Files.deleteIfExists(local);
            }
        }
    }

    @Test
    public void knownHostsFileVerifiesEveryNodeByAddress() {
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            for (SimulatedNode n : c.nodes()) {
                for (String alg : List.of("ssh-rsa", "ecdsa-sha2-nistp256", "ssh-ed25519")) {
                    ExecResult r = Shell.run("ssh", "-i", c.clientKey().privateKeyFile().toString(), "-o", "UserKnownHostsFile=" + c.knownHostsFile(),
                            "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "HostKeyAlgorithms=" + alg, "root@" + n.address(), "true");
                    assertEquals(alg + " " + r, 0, r.exitCode());
                }
                assertThat(n.hostKeyFingerprint("ed25519"), is(KeyMaker.fingerprint(n.hostKeyLines().get("ssh-ed25519"))));
            }
        }
    }

    @Test
    public void clientKeysComeInTheFormatsTheTestsNeed() throws Exception {
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            assertThat(c.clientKey().privateKeyPem(), containsString("-----BEGIN RSA PRIVATE KEY-----"));
            assertThat(c.encryptedClientKey().privateKeyPem(), containsString("ENCRYPTED"));
            assertThat(Files.readString(c.opensshFormatKeyFile()), containsString("BEGIN OPENSSH PRIVATE KEY"));
            // the encrypted key opens with its passphrase only
            assertEquals(0, Shell.run("ssh-keygen", "-y", "-P", c.encryptedClientKey().passphrase(), "-f", c.encryptedClientKey().privateKeyFile().toString()).exitCode());
            assertNotEquals(0, Shell.run("ssh-keygen", "-y", "-P", "wrong", "-f", c.encryptedClientKey().privateKeyFile().toString()).exitCode());
            ExecResult ed = Shell.run("ssh", "-i", c.opensshFormatKeyFile().toString(), "-o", "UserKnownHostsFile=" + c.knownHostsFile(),
                    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "root@" + c.primary().address(), "true");
            assertEquals("the OpenSSH-format key is authorized too: " + ed, 0, ed.exitCode());
        }
    }

    @Test
    public void writesOnTheNodeNeverTouchTheHost() throws Exception {
        String hostHosts = Files.readString(Path.of("/etc/hosts"));
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            ExecResult r = c.ssh(c.primary(), "echo 10.9.9.9 intruder >> /etc/hosts; mkdir -p /var/backup/xcat/x; touch /usr/bin/node-only");
            assertEquals(r.toString(), 0, r.exitCode());
            assertThat(c.primary().readFile("/etc/hosts"), containsString("intruder"));
            assertFalse(c.standby().fileExists("/usr/bin/node-only"));
            assertTrue(Files.exists(c.primary().upperDir().resolve("usr/bin/node-only")));
        }
        assertEquals(hostHosts, Files.readString(Path.of("/etc/hosts")));
        assertFalse(Files.exists(Path.of("/usr/bin/node-only")));
    }

    @Test
    public void teardownLeavesNoProcessOrMount() throws Exception {
        SimulatedCluster c = SimulatedCluster.startPair();
        c.primary().inject(Fault.commandHangs("lsxcatd"));
        Process hanging = new ProcessBuilder(c.sshCommand(c.primary(), "lsxcatd -a")).start();
        c.standby().dropNetwork();
        long deadline = System.currentTimeMillis() + 5000;
        while (c.primary().processesOfNode().stream().noneMatch(p -> p.contains("sleep 2147483647")) && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertThat(c.primary().processesOfNode().toString(), containsString("sshd: root"));
        List<String> namespaces = List.of(c.primary().mountNamespace(), c.standby().mountNamespace());
        List<Path> roots = List.of(c.primary().nodeRoot(), c.standby().nodeRoot());
        Path run = c.runDirectory();
        c.close();
        hanging.destroyForcibly();
        for (int i = 0; i < 2; i++) assertThat(NodeProcesses.describe(NodeProcesses.inNamespace(namespaces.get(i), roots.get(i))), is(empty()));
        assertFalse(Files.exists(run));
        assertThat(Files.readString(Path.of("/proc/self/mountinfo")), not(containsString(run.toString())));
    }

    @Test
    public void leftoversOfADeadRunAreCleanedUpAtTheNextStart() throws Exception {
        // A run whose owner died: a stray process in a namespace of its own, and the directory.
        Path dead = Files.createDirectories(RunDirectory.BASE.resolve("run-dead-test"));
        Files.writeString(dead.resolve("owner"), "999999999 2000-01-01T00:00:00Z");
        Path node = Files.createDirectories(dead.resolve("primary"));
        Files.createDirectories(node.resolve("root"));
        Process stray = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind / \"$0\" && exec chroot \"$0\" sleep 600", node.resolve("root").toString()).start();
        String ns = null;
        for (int i = 0; i < 100 && (ns == null || ns.equals(NodeProcesses.mountNamespaceOf(ProcessHandle.current().pid()))); i++) {
            Thread.sleep(10);
            ns = NodeProcesses.mountNamespaceOf(stray.pid());
        }
        Files.writeString(node.resolve(RunDirectory.NAMESPACE_FILE), ns);
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("solo"))) {
            assertFalse(Files.exists(dead));
            assertFalse(stray.isAlive() && !NodeProcesses.isZombie(stray.pid()));
            assertEquals("solo\n", c.ssh(c.node("solo"), "hostname").stdout());
        } finally {
            stray.destroyForcibly();
        }
    }
}
