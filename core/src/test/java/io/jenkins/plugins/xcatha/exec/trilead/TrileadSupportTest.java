package io.jenkins.plugins.xcatha.exec.trilead;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.Test;

public class TrileadSupportTest {
    private static final List<String> OLD = List.of("ssh-rsa", "ssh-dss");
    private static final List<String> FORK = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-256",
            "rsa-sha2-512", "ssh-rsa", "ssh-dss");

    @Test
    public void anSshRsaPinAsksTheCurrentForkForRsaSha2First() {
        assertThat(TrileadSupport.preferredHostKeyAlgorithms(List.of("ssh-rsa"), FORK), arrayContaining(
                "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-dss"));
    }

    @Test
    public void anSshRsaPinOnTheDebianBuildAsksForSshRsaOnly() {
        assertThat(TrileadSupport.preferredHostKeyAlgorithms(List.of("ssh-rsa"), OLD),
                arrayContaining("ssh-rsa", "ssh-dss"));
    }

    @Test
    public void keyTypesTheLibraryDoesNotKnowLeaveItsOrderAlone() {
        assertThat(TrileadSupport.preferredHostKeyAlgorithms(List.of("ssh-ed25519"), OLD), is(nullValue()));
        assertThat(TrileadSupport.preferredHostKeyAlgorithms(List.of(), FORK), is(nullValue()));
    }

    @Test
    public void theLibraryOnTheClassPathIsAskedAtRunTime() {
        assertThat(TrileadSupport.availableHostKeyAlgorithms(), hasItem("ssh-rsa"));
    }

    @Test
    public void keyFormatsAreRecognizedFromTheirHeader() {
        assertThat(PrivateKeyFormat.of("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn".toCharArray()),
                is(PrivateKeyFormat.OPENSSH));
        assertThat(PrivateKeyFormat.of("\n-----BEGIN RSA PRIVATE KEY-----\n".toCharArray()), is(PrivateKeyFormat.PEM_RSA));
        assertThat(PrivateKeyFormat.OPENSSH.readableBy(false), is(false));
        assertThat(PrivateKeyFormat.OPENSSH.readableBy(true), is(true));
        assertThat(PrivateKeyFormat.PKCS8.readableBy(true), is(false));
    }
}
