package io.jenkins.plugins.xcatha.xcat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.Test;

public class TimeSyncParsersTest {
    private static final String NTPQ_HEADER =
            "     remote           refid      st t when poll reach   delay   offset  jitter\n"
                    + "==============================================================================\n";

    @Test
    public void ntpqStarMarksTheSystemPeer() {
        NtpqPeers peers = NtpqPeers.parse(NTPQ_HEADER
                + "+ntp2.example.com 10.0.0.9      2 u   33   64  377    0.412    0.050   0.021\n"
                + "*ntp1.example.com .GPS.         1 u   12   64  377    0.301   -0.012   0.010\n");
        assertThat(peers.synchronised(), is(true));
        assertThat(peers.systemPeer(), is(Optional.of("ntp1.example.com")));
        assertThat(peers.peerCount(), is(2));
    }

    @Test
    public void ntpqWithoutStarIsNotSynchronised() {
        NtpqPeers peers = NtpqPeers.parse(NTPQ_HEADER
                + " ntp1.example.com .INIT.       16 u    -   64    0    0.000    0.000   0.000\n");
        assertThat(peers.synchronised(), is(false));
    }

    @Test
    public void chronyTrackingLeapStatus() {
        assertThat(ChronyStatus.trackingSynchronised("Reference ID    : C0A80001 (ntp1)\n"
                + "Stratum         : 3\nLeap status     : Normal\n"), is(Optional.of(true)));
        assertThat(ChronyStatus.trackingSynchronised("Reference ID    : 00000000 ()\n"
                + "Leap status     : Not synchronised\n"), is(Optional.of(false)));
        assertThat(ChronyStatus.trackingSynchronised("506 Cannot talk to daemon\n"), is(Optional.empty()));
        assertThat(ChronyStatus.trackingReference("Reference ID    : C0A80001 (ntp1)\n"),
                is(Optional.of("ntp1")));
    }

    @Test
    public void chronySourcesCaretStar() {
        String sources = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n"
                + "===============================================================================\n"
                + "^- ntp2                          2   6   377    12   +120us[ +120us] +/-   20ms\n"
                + "^* ntp1                          1   6   377    13    -30us[  -41us] +/-   11ms\n";
        assertThat(ChronyStatus.syncedSource(sources), is(Optional.of("ntp1")));
        assertThat(ChronyStatus.syncedSource(sources.replace("^*", "^?")), is(Optional.empty()));
    }

    @Test
    public void timedatectlBothSpellingsAndTheProperty() {
        assertThat(TimedatectlStatus.synchronised("               Local time: Tue 2026-11-25\n"
                + "System clock synchronized: yes\n              NTP service: active\n"), is(Optional.of(true)));
        assertThat(TimedatectlStatus.synchronised("      Local time: Tue\n NTP synchronized: no\n"),
                is(Optional.of(false)));
        assertThat(TimedatectlStatus.synchronised("Timezone=UTC\nNTP=yes\nNTPSynchronized=yes\n"),
                is(Optional.of(true)));
        assertThat(TimedatectlStatus.synchronised("nothing"), is(Optional.empty()));
    }
}
