package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

public class FaultsTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.UBUNTU22, DbEngine.SQLITE);

    @Test
    public void networkDropSilencesTheNodeUntilRestored() throws Exception {
        SimulatedNode s = sim.standby();
        s.dropNetwork();
        Process p = new ProcessBuilder(sim.cluster().sshCommand(s, "hostname")).redirectErrorStream(true).start();
        assertFalse("a dropped node does not answer", p.waitFor(3, TimeUnit.SECONDS));
        assertTrue(s.networkDropped());
        s.restoreNetwork();
        assertTrue("the waiting client gets through after restore", p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals("xcatmn2\n", sim.cluster().ssh(s, "hostname").stdout());
    }

    @Test
    public void crashRefusesConnectionsButKeepsFilesReadable() {
        SimulatedNode s = sim.standby();
        s.inject(Fault.crash());
        ExecResult r = sim.cluster().ssh(s, "true");
        assertEquals(255, r.exitCode());
        assertThat(r.stderr(), containsString("Connection refused"));
        assertThat(s.readFile("/etc/hostname"), containsString("xcatmn2"));
        assertThat(s.processesOfNode().toString(), not(containsString("sshd")));
    }

    @Test
    public void clockSkewShiftsDateOnThatNodeOnly() {
        sim.standby().inject(Fault.parse("clock-skew=30"));
        long p = Long.parseLong(sim.cluster().ssh(sim.primary(), "date +%s").stdout().trim());
        long s = Long.parseLong(sim.cluster().ssh(sim.standby(), "date +%s").stdout().trim());
        assertThat(s - p, greaterThanOrEqualTo(28L));
        assertThat(s - p, lessThanOrEqualTo(32L));
        sim.standby().clearFaults();
        long after = Long.parseLong(sim.standby().exec("date", "+%s").stdout().trim());
        assertThat(Math.abs(after - System.currentTimeMillis() / 1000), lessThanOrEqualTo(2L));
    }

    @Test
    public void unsynchronisedClockShowsInChronyAndTimedatectl() {
        assertThat(sim.standby().exec("chronyc", "tracking").stdout(), containsString("Leap status     : Normal"));
        assertThat(sim.standby().exec("chronyc", "sources").stdout(), containsString("\n^* "));
        sim.standby().inject(Fault.clockUnsynchronised());
        assertThat(sim.standby().exec("chronyc", "tracking").stdout(), containsString("Leap status     : Not synchronised"));
        assertThat(sim.standby().exec("chronyc", "sources").stdout(), not(containsString("^*")));
        assertThat(sim.standby().exec("timedatectl", "show").stdout(), containsString("NTPSynchronized=no"));
        sim.standby().exec("systemctl", "stop", "chrony").stdoutOrThrow();
        assertEquals("506 Cannot talk to daemon\n", sim.standby().exec("chronyc", "tracking").stderr());
    }

    @Test
    public void sharedDataAndVirtualIpMarkTheActiveNode() {
        SimulatedNode p = sim.primary(), s = sim.standby();
        assertTrue(p.carriesVirtualIp());
        assertThat(p.exec("ip", "addr").stdout(), containsString("inet " + sim.cluster().virtualIp() + "/8"));
        assertThat(s.exec("ip", "addr").stdout(), not(containsString(sim.cluster().virtualIp())));
        assertEquals(0, p.exec("mountpoint", "-q", "/install").exitCode());
        assertNotEquals(0, s.exec("mountpoint", "-q", "/install").exitCode());
        assertEquals(1, s.exec("findmnt", "/etc/xcat").exitCode());
        s.inject(Fault.parse("shared-data-mounted=/install"));
        s.inject(Fault.carriesVirtualIp());
        assertThat(s.exec("findmnt", "-n", "-o", "SOURCE", "/install").stdout(), containsString("/dev/mapper/xcatvg-install"));
        assertThat(s.exec("mount").stdout(), containsString("on /install type ext4"));
        assertThat(s.exec("ifconfig").stdout(), containsString("inet " + sim.cluster().virtualIp()));
        s.clearFaults();
        assertFalse(s.carriesVirtualIp());
        assertFalse(s.mountedDirs().contains("/install"));
    }

    @Test
    public void missingToolIsGoneUntilFaultsAreCleared() {
        SimulatedNode s = sim.standby();
        s.inject(Fault.toolMissing("chronyc"));
        assertEquals(127, sim.cluster().ssh(s, "chronyc tracking").exitCode());
        s.clearFaults();
        assertEquals(0, sim.cluster().ssh(s, "chronyc tracking").exitCode());
    }

    @Test
    public void commandFailsOrHangsOnRequest() throws Exception {
        SimulatedNode s = sim.standby();
        s.inject(Fault.parse("command-fails=systemctl:4:Access denied"));
        ExecResult r = s.exec("systemctl", "stop", "xcatd");
        assertEquals(4, r.exitCode());
        assertEquals("Access denied\n", r.stderr());
        assertTrue(s.service("xcatd").running());
        s.clearFaults();
        s.inject(Fault.commandHangs("lsxcatd"));
        Process p = new ProcessBuilder(sim.cluster().sshCommand(s, "lsxcatd -a")).start();
        assertFalse(p.waitFor(2, TimeUnit.SECONDS));
        p.destroyForcibly();
    }

    @Test
    public void xcatdThatCannotStartFailsEveryStartAttempt() {
        SimulatedNode s = sim.standby();
        s.inject(Fault.xcatdCannotStart());
        s.exec("systemctl", "stop", "xcatd").stdoutOrThrow();
        ExecResult r = s.exec("systemctl", "start", "xcatd");
        assertEquals(1, r.exitCode());
        assertThat(r.stderr(), containsString("Job for xcatd.service failed because the control process exited with error code."));
        assertEquals("failed\n", s.exec("systemctl", "is-active", "xcatd").stdout());
        assertEquals(111, s.exec("lsxcatd", "-a").exitCode());
    }

    @Test
    public void otherEngineAndStoppedOrDisabledServicesAndUnresolvablePeer() {
        SimulatedNode s = sim.standby();
        s.inject(Fault.parse("engine=postgresql"));
        assertThat(s.exec("lsxcatd", "-d").stdout(), containsString("dbengine=Pg"));
        s.inject(Fault.serviceStopped("xcatd"));
        s.inject(Fault.serviceDisabled("xcatd"));
        assertEquals(new ServiceState("xcatd", true, false, false), s.service("xcatd"));
        assertEquals(0, s.exec("getent", "hosts", "xcatmn1").exitCode());
        s.inject(Fault.peerUnresolvable());
        assertEquals(2, s.exec("getent", "hosts", "xcatmn1").exitCode());
        s.clearFaults();
        assertEquals("dbengine=SQLite\n", s.exec("lsxcatd", "-d").stdout());
        assertEquals(new ServiceState("xcatd", true, true, true), s.service("xcatd"));
        assertEquals(0, s.exec("getent", "hosts", "xcatmn1").exitCode());
    }
}
