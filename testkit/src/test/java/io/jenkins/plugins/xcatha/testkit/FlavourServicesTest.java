package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.BeforeClass;
import org.junit.Test;

/** Each flavour starts like a freshly installed MN, and its own tools stop and disable services. */
public class FlavourServicesTest {

    @BeforeClass
    public static void simulationRunsHere() {
        org.junit.Assume.assumeTrue(Environment.problem(), Environment.problem() == null);
    }

    private static SimulatedCluster standbyOnly(Flavour f, DbEngine e) {
        return SimulatedCluster.start(NodeSpec.node("standby").flavour(f).engine(e));
    }

    private static void assertFreshInstall(SimulatedNode n) {
        for (String s : n.installedServices()) {
            assertEquals(n.flavour() + " " + s, new ServiceState(s, true, true, true), n.service(s));
        }
        assertTrue(n.installedServices().contains(n.flavour().timeDaemon()));
        assertTrue(n.installedServices().containsAll(n.flavour().dhcpServices()));
    }

    @Test
    public void systemdFlavoursStopAndDisableWithSystemctl() {
        for (Flavour f : new Flavour[] {Flavour.RHEL9, Flavour.SLES15, Flavour.UBUNTU22, Flavour.UBUNTU24}) {
            try (SimulatedCluster c = standbyOnly(f, DbEngine.SQLITE)) {
                SimulatedNode n = c.standby();
                assertFreshInstall(n);
                for (String dhcp : f.dhcpServices()) {
                    ExecResult r = c.ssh(n, "systemctl disable --now " + dhcp);
                    assertEquals(r.toString(), 0, r.exitCode());
                    assertThat(r.stderr(), containsString("Removed \"/etc/systemd/system/multi-user.target.wants/" + dhcp + ".service\"."));
                    assertEquals(new ServiceState(dhcp, true, false, false), n.service(dhcp));
                }
                assertEquals("inactive\n", n.exec("systemctl", "is-active", f.dhcpServices().get(0)).stdout());
                assertEquals(3, n.exec("systemctl", "is-active", f.dhcpServices().get(0)).exitCode());
                ExecResult missing = n.exec("systemctl", "stop", "dhcpd-nonexistent");
                assertEquals(5, missing.exitCode());
                assertEquals("Failed to stop dhcpd-nonexistent.service: Unit dhcpd-nonexistent.service not loaded.\n", missing.stderr());
                assertThat(n.readFile("/etc/os-release"), containsString(f == Flavour.SLES15 ? "sles" : f == Flavour.RHEL9 ? "rhel" : "ubuntu"));
            }
        }
    }

    @Test
    public void ubuntu24UsesKeaAndRhel9ServiceRedirectsToSystemctl() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("standby").flavour(Flavour.UBUNTU24), NodeSpec.node("r9").flavour(Flavour.RHEL9))) {
            assertEquals("active\nactive\n", c.standby().exec("systemctl", "is-active", "kea-dhcp4-server", "kea-dhcp6-server").stdout());
            assertFalse(c.standby().service("dhcpd").installed());
            assertFalse("no chkconfig on Ubuntu", c.standby().fileExists("/usr/sbin/chkconfig"));
            ExecResult r = c.node("r9").exec("service", "xcatd", "stop");
            assertEquals(0, r.exitCode());
            assertEquals("Redirecting to /bin/systemctl stop xcatd.service\n", r.stderr());
            assertFalse(c.node("r9").service("xcatd").running());
            ExecResult ck = c.node("r9").exec("chkconfig", "xcatd", "off");
            assertThat(ck.stderr(), containsString("Note: Forwarding request to 'systemctl disable xcatd.service'."));
            assertFalse(c.node("r9").service("xcatd").enabled());
        }
    }

    @Test
    public void rhel7UsesSysvRunLevelsAndHasNoSystemctl() {
        try (SimulatedCluster c = standbyOnly(Flavour.RHEL7, DbEngine.MYSQL)) {
            SimulatedNode n = c.standby();
            assertFreshInstall(n);
            assertFalse(n.fileExists("/usr/bin/systemctl"));
            assertEquals(127, c.ssh(n, "systemctl stop xcatd").exitCode());
            assertEquals("xcatd service is running\n", n.exec("service", "xcatd", "status").stdout());
            assertEquals(0, n.exec("service", "xcatd", "stop").exitCode());
            ExecResult st = n.exec("service", "xcatd", "status");
            assertEquals(3, st.exitCode());
            assertEquals("xcatd service is not running\n", st.stdout());
            n.exec("chkconfig", "--level", "345", "xcatd", "off").stdoutOrThrow();
            assertFalse(n.service("xcatd").enabled());
            // the seed's "--level 345" for dhcpd would leave run level 2 on
            n.exec("chkconfig", "--level", "345", "dhcpd", "off").stdoutOrThrow();
            assertTrue(n.service("dhcpd").enabled());
            assertThat(n.exec("chkconfig", "--list", "dhcpd").stdout(), containsString("2:on\t3:off"));
            n.exec("chkconfig", "--level", "2345", "dhcpd", "off").stdoutOrThrow();
            assertFalse(n.service("dhcpd").enabled());
            assertTrue(n.service("mysqld").running());
            assertThat(n.exec("ntpq", "-p").stdout(), containsString("\n*ntp1"));
        }
    }

    @Test
    public void aixUsesSrcAndOnlyInittabKeepsXcatdFromBooting() {
        try (SimulatedCluster c = standbyOnly(Flavour.AIX7, DbEngine.DB2)) {
            SimulatedNode n = c.standby();
            assertFreshInstall(n);
            assertEquals("Subsystem         Group            PID          Status \n xcatd                             " + n.exec("lssrc", "-s", "xcatd").stdout().split("\n")[1].substring(35),
                    n.exec("lssrc", "-s", "xcatd").stdout().replaceAll("\n$", ""));
            assertEquals("0513-044 The xcatd Subsystem was requested to stop.\n", n.exec("stopsrc", "-s", "xcatd").stdout());
            assertThat(n.exec("lssrc", "-s", "xcatd").stdout(), containsString("inoperative"));
            assertEquals("0513-083 Subsystem has been Deleted.\n", n.exec("rmssys", "-s", "xcatd").stdout());
            assertTrue("rmssys alone does not stop xcatd from coming back at boot", n.service("xcatd").enabled());
            n.exec("chitab", "xcatd:2:off:/opt/xcat/sbin/restartxcatd > /dev/console 2>&1").stdoutOrThrow();
            assertFalse(n.service("xcatd").enabled());
            assertEquals("xcatd:2:off:/opt/xcat/sbin/restartxcatd > /dev/console 2>&1\n", n.exec("lsitab", "xcatd").stdout());
            // dhcpsd starts from /etc/rc.tcpip: commenting out the line disables it
            assertTrue(n.service("dhcpsd").enabled());
            n.exec("sed", "-i", "s|^start /usr/sbin/dhcpsd|#start /usr/sbin/dhcpsd|", "/etc/rc.tcpip").stdoutOrThrow();
            assertFalse(n.service("dhcpsd").enabled());
            assertEquals("AIX\n", n.exec("uname").stdout());
            assertEquals("/\n", c.ssh(n, "cd; pwd").stdout());
            assertThat(n.shell("XCATBYPASS=1 lsxcatd -d").stdout(), containsString("cfgloc=DB2:xcatdb|xcatdb\ndbengine=DB2\ndbinstance=xcatdb\ndbname=xcatdb\ndbloc=/var/lib/db2\n"));
            assertFalse(n.fileExists("/usr/bin/systemctl"));
            n.exec("mmchconfig", "autoload=no").stdoutOrThrow();
            n.exec("mmshutdown").stdoutOrThrow();
            assertEquals(new ServiceState("gpfs", true, false, false), n.service("gpfs"));
            assertThat(n.exec("mmgetstate").stdout(), containsString("xcatmn2          down"));
            // restorexCATdb -b on DB2 (xcatd stopped above) needs the backup's timestamp
            n.exec("mkdir", "-p", "/tmp/rb").stdoutOrThrow();
            ExecResult noTimestamp = n.exec("restorexCATdb", "-b", "-p", "/tmp/rb");
            assertEquals(1, noTimestamp.exitCode());
            assertEquals("To restore from a binary backup, the timestamp of the backup must be provided with the -t option.\n",
                    noTimestamp.stderr());
            assertEquals("Restore Complete. You can now restart the daemons.\n",
                    n.exec("restorexCATdb", "-b", "-t", "20261205020926", "-p", "/tmp/rb").stdout());
        }
    }

    @Test
    public void cfglocHoldsThePasswordButLsxcatdNeverPrintsIt() {
        for (DbEngine e : new DbEngine[] {DbEngine.MYSQL, DbEngine.POSTGRESQL}) {
            try (SimulatedCluster c = standbyOnly(Flavour.RHEL9, e)) {
                SimulatedNode n = c.standby();
                String cfgloc = n.readFile("/etc/xcat/cfgloc");
                assertTrue(cfgloc.startsWith(e.cfglocPrefix() + ":dbname=xcatdb;host="));
                assertThat(cfgloc, containsString("|" + n.databasePassword()));
                assertEquals("-rw-------\n", n.exec("stat", "-c", "%A", "/etc/xcat/cfgloc").stdout());
                String out = n.exec("lsxcatd", "-a").stdout();
                assertThat(out, containsString("dbengine=" + e.lsxcatdName() + "\n"));
                assertFalse(out.contains(n.databasePassword()));
                assertThat(n.exec("dumpxCATdb", "-b", "-p", "/tmp/b").stdout(), containsString(e == DbEngine.MYSQL ? "Creating" : "Backup Complete."));
                // restorexCATdb -b: PostgreSQL's pg_restore; MySQL is not supported (it says "dump" here too)
                n.exec("mkdir", "-p", "/tmp/rb").stdoutOrThrow();
                ExecResult restore = n.exec("restorexCATdb", "-b", "-p", "/tmp/rb");
                assertEquals(e == DbEngine.MYSQL ? 1 : 0, restore.exitCode());
                assertEquals(e == DbEngine.MYSQL ? "" : "Restore Complete.\n", restore.stdout());
                assertEquals(e == DbEngine.MYSQL ? "Binary dump (-b) is not supported for MYSQL\n" : "", restore.stderr());
            }
        }
    }

    @Test
    public void hpcDaemonsAreConfigurablePerNode() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("primary").hpc(HpcDaemon.GPFS), NodeSpec.node("standby").noHpc())) {
            assertTrue(c.primary().service("gpfs").running());
            assertFalse(c.primary().service("teal").installed());
            assertFalse(c.standby().service("gpfs").installed());
            assertFalse(c.standby().fileExists("/usr/lpp/mmfs/bin/mmgetstate"));
            assertNotEquals(0, c.ssh(c.standby(), "command -v llctl").exitCode());
        }
    }

    @Test
    public void gpfsStartsAtBootOnlyWithAutoloadAndItsBootHookOnEveryInitSystem() {
        Flavour[] flavours = {Flavour.RHEL7, Flavour.RHEL9, Flavour.AIX7};
        NodeSpec[] specs = new NodeSpec[flavours.length];
        for (int i = 0; i < flavours.length; i++) specs[i] = NodeSpec.node("n" + i).hostname("mn" + i).flavour(flavours[i]).hpc(HpcDaemon.GPFS);
        try (SimulatedCluster c = SimulatedCluster.start(specs)) {
            for (int i = 0; i < flavours.length; i++) {
                SimulatedNode n = c.node("n" + i);
                assertEquals(flavours[i] + " fresh", new ServiceState("gpfs", true, true, true), n.service("gpfs"));
                assertEquals("autoload yes\n", n.exec("mmlsconfig", "autoload").stdout());

                n.exec("mmchconfig", "autoload=no").stdoutOrThrow();
                assertEquals("autoload no\n", n.exec("mmlsconfig", "autoload").stdout());
                assertEquals(flavours[i] + " autoload=no", new ServiceState("gpfs", true, true, false), n.service("gpfs"));
                n.exec("mmchconfig", "autoload=yes").stdoutOrThrow();
                assertTrue(flavours[i] + " autoload=yes", n.service("gpfs").enabled());

                // The boot hook that runs mmautoload, removed with the OS's own tool, keeps GPFS down at boot too.
                switch (flavours[i]) {
                    case RHEL7:
                        n.exec("chkconfig", "gpfs", "off").stdoutOrThrow();
                        break;
                    case AIX7:
                        assertEquals("mmfs:2:once:/usr/lpp/mmfs/bin/mmautoload >/dev/console 2>&1\n", n.exec("lsitab", "mmfs").stdout());
                        n.exec("rmitab", "mmfs").stdoutOrThrow();
                        break;
                    default:
                        n.exec("systemctl", "disable", "gpfs").stdoutOrThrow();
                }
                assertEquals("autoload yes\n", n.exec("mmlsconfig", "autoload").stdout());
                assertFalse(flavours[i] + " without its boot hook", n.service("gpfs").enabled());
            }
            // On SysV the init script stays on, as chkconfig shows; autoload=no alone keeps GPFS down.
            SimulatedNode rhel7 = c.node("n0");
            rhel7.exec("chkconfig", "gpfs", "on").stdoutOrThrow();
            rhel7.exec("mmchconfig", "autoload=no").stdoutOrThrow();
            assertThat(rhel7.exec("chkconfig", "--list", "gpfs").stdout(), containsString("3:on"));
            assertFalse(rhel7.service("gpfs").enabled());
        }
    }

    @Test
    public void gpfsDisabledByHandMeansAutoloadNo() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("standby").flavour(Flavour.RHEL7).hpc(HpcDaemon.GPFS))) {
            SimulatedNode n = c.standby();
            n.inject(Fault.parse("service-disabled=gpfs"));
            assertEquals("autoload no\n", n.exec("mmlsconfig", "autoload").stdout());
            assertFalse(n.service("gpfs").enabled());
            n.clearFaults();
            assertEquals("autoload yes\n", n.exec("mmlsconfig", "autoload").stdout());
            assertTrue(n.service("gpfs").enabled());
        }
    }
}
