package io.jenkins.plugins.xcatha.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class PairIdentityTest {
    private final PairIdentity recordedOn = new PairIdentity(List.of("127.9.9.1", "127.1.2.3", "127.1.2.34"),
            List.of("AAAAB3recordedKey", "SHA256:recordedFingerprint"));
    private final PairIdentity replayOn = new PairIdentity(List.of("127.50.0.1", "127.60.0.2", "127.70.0.3"),
            List.of("AAAAB3replayKey", "SHA256:replayFingerprint"));

    @Test
    public void addressesOfTheRecordedPairBecomeTheReplayPairs() {
        assertThat(replayOn.translate("ping 127.1.2.3 && ssh root@127.1.2.34 true; vip=127.9.9.1", recordedOn),
                is("ping 127.60.0.2 && ssh root@127.70.0.3 true; vip=127.50.0.1"));
    }

    @Test
    public void anAddressInsideALongerAddressIsNotReplaced() {
        assertThat(replayOn.translate("127.1.2.345 10.127.1.2.3", recordedOn), is("127.1.2.345 10.127.1.2.3"));
    }

    @Test
    public void keysAndFingerprintsAreSwappedInStdinToo() {
        byte[] stdin = "ssh-rsa AAAAB3recordedKey root@xcatmn2\n# SHA256:recordedFingerprint\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(replayOn.translate(stdin, recordedOn), StandardCharsets.UTF_8),
                is("ssh-rsa AAAAB3replayKey root@xcatmn2\n# SHA256:replayFingerprint\n"));
    }

    @Test
    public void noStdinStaysNoStdin() {
        assertThat(replayOn.translate((byte[]) null, recordedOn), is((byte[]) null));
    }
}
