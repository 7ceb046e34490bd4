package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * What a failover meets on real management nodes, simulated: database servers that stop and start (and xCAT
 * that does not answer without them), NFS exports and busy file systems that block an unmount, fuser naming the
 * holders, shared file systems mounted from /etc/fstab, and xCAT's network service commands; a node that comes
 * back after a reboot.
 */
public class FailoverSimulationTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.RHEL9, DbEngine.POSTGRESQL);

    @Test
    public void xcatNeedsItsDatabaseServer() {
        SimulatedNode primary = sim.primary();
        assertEquals(0, primary.exec("systemctl", "stop", "postgresql").exitCode());
        ExecResult bypass = primary.exec("/usr/bin/env", "XCATBYPASS=1", "tabdump", "site");
        assertEquals(1, bypass.exitCode());
        assertThat(bypass.stderr(), containsString("could not connect to server: Connection refused"));
        assertEquals("xcatd runs on but cannot answer", 1, primary.exec("lsxcatd", "-a").exitCode());
        assertEquals(0, primary.exec("systemctl", "stop", "xcatd").exitCode());
        assertEquals("xcatd cannot start without it", 1, primary.exec("systemctl", "start", "xcatd").exitCode());
        assertEquals("the version is read from the files", 0,
                primary.exec("/usr/bin/env", "XCATBYPASS=1", "lsxcatd", "-v").exitCode());

        assertEquals(0, primary.exec("systemctl", "start", "postgresql").exitCode());
        assertEquals(0, primary.exec("systemctl", "start", "xcatd").exitCode());
        assertEquals(0, primary.exec("tabdump", "site").exitCode());
    }

    @Test
    public void aDatabaseServerThatCannotStart() {
        SimulatedNode standby = sim.standby();
        standby.inject(Fault.databaseCannotStart());
        assertEquals(0, standby.exec("systemctl", "stop", "postgresql").exitCode());
        ExecResult r = standby.exec("systemctl", "start", "postgresql");
        assertEquals(1, r.exitCode());
        assertThat(r.stderr(), containsString("Job for postgresql.service failed"));
        assertFalse(standby.service("postgresql").running());
    }

    @Test
    public void exportsAndBusyHoldersBlockTheUnmountAndFuserNamesThem() {
        SimulatedNode primary = sim.primary();
        assertThat(primary.exec("exportfs", "-v").stdout(), containsString("/install"));
        ExecResult exported = primary.exec("umount", "/install");
        assertEquals(32, exported.exitCode());
        assertThat(exported.stderr(), containsString("umount: /install: target is busy."));
        assertEquals(0, primary.exec("exportfs", "-ua").exitCode());
        assertEquals("", primary.exec("exportfs").stdout());

        primary.inject(Fault.sharedDataBusy("/tftpboot"));
        assertEquals(32, primary.exec("umount", "/tftpboot").exitCode());
        ExecResult fuser = primary.exec("fuser", "-vm", "/tftpboot");
        assertEquals(0, fuser.exitCode());
        assertThat(fuser.stderr(), containsString("kernel mount"));
        assertThat(fuser.stderr(), containsString("4242 ..c..  bash"));
        assertEquals(1, primary.exec("fuser", "-vm", "/install").exitCode());
        primary.clearFaults();
        assertEquals(0, primary.exec("umount", "/tftpboot").exitCode());
        assertEquals(0, primary.exec("umount", "/install").exitCode());
        assertFalse(primary.mountedDirs().contains("/install"));
    }

    @Test
    public void sharedFileSystemsMountFromFstabOnly() {
        SimulatedNode standby = sim.standby();
        assertThat(standby.readFile("/etc/fstab"), containsString("/install ext4 noauto"));
        assertEquals(0, standby.exec("mount", "/install").exitCode());
        assertTrue(standby.mountedDirs().contains("/install"));
        assertThat(standby.exec("mount").stdout(), containsString("/dev/mapper/xcatvg-install on /install type ext4"));
        ExecResult unknown = standby.exec("mount", "/srv");
        assertEquals(1, unknown.exitCode());
        assertThat(unknown.stderr(), containsString("mount: /srv: can't find in /etc/fstab."));

        standby.inject(Fault.mountFails("/tftpboot"));
        ExecResult fails = standby.exec("mount", "/tftpboot");
        assertEquals(32, fails.exitCode());
        assertThat(fails.stderr(), containsString("special device /dev/mapper/xcatvg-tftpboot does not exist"));
        assertFalse(standby.mountedDirs().contains("/tftpboot"));
    }

    @Test
    public void networkServicesAreRegeneratedWhereXcatdRuns() {
        SimulatedNode standby = sim.standby();
        String vip = sim.cluster().virtualIp();
        assertEquals("the cluster's names resolve through the active node", 0,
                standby.exec("host", "cn1", vip).exitCode());
        assertEquals(0, standby.exec("makedns", "-n").exitCode());
        assertThat("its own database knows no node", sim.primary().exec("host", "cn2", standby.address()).stdout(),
                containsString("NXDOMAIN"));
        assertEquals(0, standby.exec("mount", "/etc/xcat").exitCode());
        assertEquals(0, standby.exec("makedns", "-n").exitCode());
        ExecResult dns = sim.primary().exec("host", "cn2", standby.address());
        assertThat(dns.stdout(), containsString("cn2 has address 10.0.1.2"));
        assertEquals(0, standby.exec("makedhcp", "-n").exitCode());
        assertEquals(0, standby.exec("makedhcp", "-a").exitCode());
        assertThat(standby.readFile("/etc/dhcp/dhcpd.conf"), containsString("authoritative;"));
        assertEquals(0, standby.exec("makeconservercf").exitCode());
        assertTrue(standby.fileExists("/etc/conserver.cf"));

        standby.inject(Fault.makedhcpFails());
        ExecResult fails = standby.exec("makedhcp", "-n");
        assertEquals(1, fails.exitCode());
        assertThat(fails.stderr(), containsString("Unable to determine the network interfaces to serve DHCP on"));
        assertEquals(0, standby.exec("systemctl", "stop", "xcatd").exitCode());
        assertEquals("through xcatd only", 111, standby.exec("makeconservercf").exitCode());
    }

    @Test
    public void aCrashedNodeNoLongerAnswersOnTheVirtualIp() {
        String vip = sim.cluster().virtualIp();
        sim.primary().crash();
        assertEquals(1, sim.standby().exec("ping", "-c", "1", "-w", "3", vip).exitCode());
        assertEquals(1, sim.standby().exec("host", "cn1", vip).exitCode());
    }

    @Test
    public void aRebootedPrimaryComesBackWithoutItsVirtualIpOrSharedDataAndRunsWhatStartsAtBoot() {
        SimulatedNode primary = sim.primary();
        primary.inject(Fault.primaryUnreachable());
        assertEquals(0, primary.exec("systemctl", "disable", "dhcpd").exitCode());
        primary.reboot();
        assertFalse(primary.carriesVirtualIp());
        assertEquals(List.of(), primary.mountedDirs());
        assertEquals("", primary.exec("exportfs").stdout());
        assertTrue("enabled at boot: running", primary.service("xcatd").running());
        assertFalse("disabled at boot: stopped", primary.service("dhcpd").running());
        assertEquals(0, sim.cluster().ssh(primary, "hostname").exitCode());
        assertThat(sim.standby().exec("ping", "-c", "1", sim.cluster().virtualIp()).stdout(), not(containsString(" 1 received")));
    }

    @Test
    public void theNewFaultsHaveCommandLineNames() {
        for (String name : List.of("shared-data-busy=/install", "mount-fails=/etc/xcat", "database-cannot-start",
                "makedhcp-fails", "vip-in-use", "primary-unreachable")) {
            assertEquals(name, Fault.parse(name).toString());
        }
        assertEquals(Fault.sharedDataBusy("/install"), Fault.parse("shared-data-busy"));
    }
}
