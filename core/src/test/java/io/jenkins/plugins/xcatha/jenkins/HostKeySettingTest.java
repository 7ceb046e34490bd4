package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.NoHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.TrustOnFirstUseVerification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.Test;

public class HostKeySettingTest {

    @Test
    public void defaultVerifiesAgainstTheAgentUsersKnownHosts() {
        HostKeySetting d = HostKeySetting.defaults();
        assertThat(d.kind(), equalTo(HostKeySetting.Kind.KNOWN_HOSTS_FILE));
        assertThat(d.knownHostsPath(), equalTo("~/.ssh/known_hosts"));
        assertThat(d.validate(), equalTo(d));
    }

    @Test
    public void relativeKnownHostsPathIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HostKeySetting.knownHostsFile("ssh/known_hosts").validate());
        assertThat(e.field(), equalTo("hostKeyVerification.knownHostsFile"));
    }

    @Test
    public void manuallyProvidedKeyMustBeGiven() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HostKeySetting.manuallyProvidedKey(" ").validate());
        assertThat(e.field(), equalTo("hostKeyVerification.key"));
    }

    @Test
    public void travelsToTheAgentIntact() throws Exception {
        HostKeySetting pin = HostKeySetting.manuallyProvidedKey("SHA256:" + "b".repeat(43));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pin);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject(), equalTo(pin));
        }
    }

    @Test
    public void describesThePolicyWithoutMoreThanThePin() {
        assertThat(HostKeySetting.noVerification().describe(), equalTo("NO host key verification"));
        assertThat(HostKeySetting.knownHostsFile("/etc/ssh/ssh_known_hosts").describe(),
                equalTo("known_hosts file /etc/ssh/ssh_known_hosts"));
    }

    @Test
    public void eachPolicyBecomesTheEnginesStrategyOnTheAgent() {
        String home = System.getProperty("user.home");
        assertThat(((KnownHostsFileVerification) HostKeySetting.defaults().verification(n -> { })).file(),
                equalTo(Path.of(home, ".ssh", "known_hosts")));
        assertThat(((KnownHostsFileVerification) HostKeySetting.knownHostsFile("/etc/ssh/ssh_known_hosts")
                .verification(n -> { })).file(), equalTo(Path.of("/etc/ssh/ssh_known_hosts")));
        assertThat(((TrustOnFirstUseVerification) HostKeySetting.trustOnFirstUse().verification(n -> { })).file(),
                equalTo(Path.of(home, ".ssh", "known_hosts")));
        assertThat(HostKeySetting.manuallyProvidedKey("SHA256:" + "A".repeat(43)).verification(n -> { })
                .expectedFingerprints("mn1", 22), equalTo(java.util.List.of("SHA256:" + "A".repeat(43))));
        assertThat(HostKeySetting.noVerification().verification(n -> { }) instanceof NoHostKeyVerification,
                equalTo(true));
    }

    @Test
    public void aBadSettingNeverBecomesAStrategy() {
        assertThrows(InvalidInputException.class,
                () -> HostKeySetting.manuallyProvidedKey("SHA256:short").verification(n -> { }));
    }
}
