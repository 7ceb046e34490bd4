package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.BeforeClass;
import org.junit.Test;

/** OS commands answer in the very format the real command prints, flag for flag. */
public class OsCommandsTest {

    @BeforeClass
    public static void simulationRunsHere() {
        org.junit.Assume.assumeTrue(Environment.problem(), Environment.problem() == null);
    }

    private static final String LIFETIME = "\\       valid_lft forever preferred_lft forever\n";

    @Test
    public void ipOnelinePrintsOneLinePerAddressWithTheVirtualIpAsASecondaryOfEth0() {
        try (SimulatedCluster c = SimulatedCluster.startPair(Flavour.RHEL9, DbEngine.SQLITE)) {
            SimulatedNode primary = c.primary();
            String eth0 = "2: eth0    inet " + primary.address() + "/8 brd 127.255.255.255 scope global eth0" + LIFETIME;
            String vip = "2: eth0    inet " + c.virtualIp() + "/8 brd 127.255.255.255 scope global secondary eth0:0" + LIFETIME;
            String lo4 = "1: lo    inet 127.0.0.1/8 scope host lo" + LIFETIME;
            String lo6 = "1: lo    inet6 ::1/128 scope host " + LIFETIME;
            assertEquals(lo4 + lo6 + eth0 + vip, c.ssh(primary, "ip -o addr show").stdout());
            assertEquals(lo4 + lo6 + eth0 + vip, primary.exec("ip", "-o", "addr").stdout());
            assertEquals(lo4 + eth0 + vip, primary.exec("ip", "-o", "-4", "addr", "show").stdout());
            assertEquals(eth0 + vip, primary.exec("ip", "-o", "-4", "addr", "show", "dev", "eth0").stdout());
            assertEquals(lo6, primary.exec("ip", "-6", "-o", "addr", "show").stdout());

            SimulatedNode standby = c.standby();
            String standbyOut = standby.exec("ip", "-o", "-4", "addr", "show").stdout();
            assertEquals(lo4 + "2: eth0    inet " + standby.address() + "/8 brd 127.255.255.255 scope global eth0" + LIFETIME, standbyOut);
        }
    }

    @Test
    public void ipWithoutOnelineKeepsTheMultiLineFormat() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("standby").flavour(Flavour.UBUNTU22))) {
            SimulatedNode n = c.standby();
            assertEquals("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n"
                    + "    inet " + n.address() + "/8 brd 127.255.255.255 scope global eth0\n"
                    + "       valid_lft forever preferred_lft forever\n", n.exec("ip", "-4", "addr", "show", "eth0").stdout());
            String all = n.exec("ip", "addr").stdout();
            assertThat(all, containsString("    link/ether 52:54:00:3a:7e:11 brd ff:ff:ff:ff:ff:ff\n"));
            assertThat(all, containsString("    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n"));
            assertThat(all, not(containsString("\\")));
            assertEquals(1, n.exec("ip", "addr", "show", "dev", "eth9").exitCode());
        }
    }

    @Test
    public void aixMountPrintsTheColumnTableWithRemoteMountsInTheNodeColumn() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("primary").flavour(Flavour.AIX7))) {
            SimulatedNode n = c.primary();
            assertEquals(0, c.ssh(n, "mount nfsserv:/export/images /images").exitCode());
            String out = c.ssh(n, "mount").stdout();
            String[] lines = out.split("\n");
            assertEquals("  node       mounted        mounted over    vfs       date        options      ", lines[0]);
            assertEquals("-------- ---------------  ---------------  ------ ------------ --------------- ", lines[1]);
            assertEquals("         /dev/hd4         /                jfs2   Nov 20 10:00 rw,log=/dev/hd8", lines[2]);
            assertThat(out, containsString("\n         /proc            /proc            procfs Nov 20 10:00 rw\n"));
            assertThat(out, containsString("\n         " + SharedData.device("/install") + " /install         jfs2   Nov 20 10:00 rw,log=/dev/hd8\n"));
            assertThat(out, containsString("\nnfsserv  /export/images   /images          nfs3   Nov 20 10:00 rw,bg,hard,intr\n"));
            assertThat(out, not(containsString(" on ")));
        }
    }

    @Test
    public void linuxMountKeepsTheDevOnDirTypeFormatAndNfsMountsAreNfs4() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("standby").flavour(Flavour.SLES15))) {
            SimulatedNode n = c.standby();
            assertEquals(0, n.exec("mount", "nfsserv:/export/images", "/images").exitCode());
            String out = n.exec("mount").stdout();
            assertThat(out, containsString("/dev/mapper/rootvg-root on / type xfs (rw,relatime)\n"));
            assertThat(out, containsString("nfsserv:/export/images on /images type nfs4 (rw,relatime)\n"));
        }
    }

    @Test
    public void eachLinuxFlavourHasItsTimeDaemonsConfigurationNamingTheSourcesItReports() {
        Flavour[] flavours = {Flavour.RHEL9, Flavour.RHEL7, Flavour.SLES15, Flavour.UBUNTU22};
        String[] files = {"/etc/chrony.conf", "/etc/ntp.conf", "/etc/chrony.conf", "/etc/chrony/chrony.conf"};
        NodeSpec[] specs = new NodeSpec[flavours.length];
        for (int i = 0; i < flavours.length; i++) specs[i] = NodeSpec.node("n" + i).hostname("mn" + i).flavour(flavours[i]).noHpc();
        try (SimulatedCluster c = SimulatedCluster.start(specs)) {
            for (int i = 0; i < flavours.length; i++) {
                SimulatedNode n = c.node("n" + i);
                assertEquals(files[i], n.flavour().timeConfigFile());
                String config = n.readFile(files[i]);
                assertThat(n + " " + files[i], config, containsString("\nserver ntp1.cluster.test iburst\nserver ntp2.cluster.test iburst\n"));
                for (String other : new String[] {"/etc/chrony.conf", "/etc/chrony/chrony.conf", "/etc/ntp.conf"}) {
                    if (!other.equals(files[i])) assertFalse(n + " has no " + other, n.fileExists(other));
                }
                if (n.flavour().usesChrony()) {
                    String sources = n.exec("chronyc", "sources").stdout();
                    assertThat(sources, containsString("\n^* ntp1.cluster.test             2   6   377    37    -31us[  -45us] +/-  412us\n"));
                    assertThat(sources, containsString("\n^+ ntp2.cluster.test             2   6   377    12   +104us[ +104us] +/-  533us\n"));
                    assertThat(n.exec("chronyc", "tracking").stdout(), containsString("Reference ID    : C000020A (ntp1.cluster.test)\n"));
                } else {
                    assertEquals("     remote           refid      st t when poll reach   delay   offset  jitter\n"
                            + "==============================================================================\n"
                            + "*ntp1.cluster.te 192.0.2.10       2 u   37   64  377    0.412   -0.031   0.018\n"
                            + "+ntp2.cluster.te 192.0.2.11       2 u   12   64  377    0.533    0.104   0.021\n", n.exec("ntpq", "-p").stdout());
                }
            }
        }
    }

    @Test
    public void timeSourcesFollowTheConfigurationFile() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("a").hostname("mna").flavour(Flavour.AIX7).noHpc(),
                NodeSpec.node("u").hostname("mnu").flavour(Flavour.UBUNTU24).noHpc())) {
            SimulatedNode aix = c.node("a");
            assertThat(aix.exec("ntpq", "-p").stdout(), containsString("\n*10.0.0.254      192.0.2.10       2 u"));
            SimulatedNode ubuntu = c.node("u");
            ubuntu.writeFile("/etc/chrony/chrony.conf", "pool ntp.ubuntu.com iburst maxsources 4\n");
            assertThat(ubuntu.exec("chronyc", "sources").stdout(), containsString("\n^* ntp.ubuntu.com "));
            ubuntu.writeFile("/etc/chrony/chrony.conf", "# no sources\n");
            assertThat(ubuntu.exec("chronyc", "tracking").stdout(), containsString("Leap status     : Not synchronised\n"));
        }
    }

    @Test
    public void systemctlShowPrintsPropertiesInSystemdsOrderWithABlankLineBetweenUnits() {
        try (SimulatedCluster c = SimulatedCluster.start(NodeSpec.node("standby").flavour(Flavour.RHEL9).noHpc())) {
            SimulatedNode n = c.standby();
            n.exec("systemctl", "disable", "--now", "dhcpd").stdoutOrThrow();
            ExecResult r = c.ssh(n, "systemctl show --property=UnitFileState,ActiveState,LoadState xcatd no-such-unit dhcpd.service");
            assertEquals(0, r.exitCode());
            assertEquals("LoadState=loaded\nActiveState=active\nUnitFileState=enabled\n"
                    + "\n"
                    + "LoadState=not-found\nActiveState=inactive\nUnitFileState=\n"
                    + "\n"
                    + "LoadState=loaded\nActiveState=inactive\nUnitFileState=disabled\n", r.stdout());
            String pid = n.exec("systemctl", "show", "-p", "SubState", "-p", "MainPID", "-p", "NoSuchProperty", "-p", "SubState", "xcatd").stdout();
            assertThat(pid, org.hamcrest.Matchers.matchesPattern("MainPID=[1-9][0-9]*\nSubState=running\n"));
            assertEquals("active\n\ninactive\n", n.exec("systemctl", "show", "--value", "-p", "ActiveState", "xcatd", "dhcpd").stdout());
        }
    }
}
