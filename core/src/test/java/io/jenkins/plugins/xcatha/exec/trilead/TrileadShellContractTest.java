package io.jenkins.plugins.xcatha.exec.trilead;

import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.SshShellContract;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import org.junit.Test;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;

public class TrileadShellContractTest extends SshShellContract {
    @Override
    protected RemoteShell open(SimulatedNode node, ShellSettings settings, HostKeyVerification hostKeys,
                               SshCredentials credentials) {
        return new TrileadShell(address(node), credentials, hostKeys, settings);
    }

    /**
     * The Trilead of Jenkins (trilead-api) reads OpenSSH-format keys; Debian's older build reads PEM only and
     * must say how to convert. Whichever build is on the class path must do its part.
     */
    @Test
    public void anOpenSshFormatKeyLogsInWhereTheLibraryReadsItAndIsOtherwiseRefusedWithHowToConvert() throws Exception {
        String key = java.nio.file.Files.readString(cluster.opensshFormatKeyFile());
        RemoteShell s = shell(cluster.primary(), FAST, knownHosts(),
                SshCredentials.privateKey("root", key.toCharArray(), null));
        if (TrileadSupport.isModernFork()) {
            org.hamcrest.MatcherAssert.assertThat(s.run(io.jenkins.plugins.xcatha.exec.Command.of("true")).exitCode(),
                    org.hamcrest.Matchers.is(0));
            return;
        }
        ShellException e = org.junit.Assert.assertThrows(ShellException.class,
                () -> s.run(io.jenkins.plugins.xcatha.exec.Command.of("true")));
        org.hamcrest.MatcherAssert.assertThat(e.getMessage(), org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("OpenSSH format"),
                org.hamcrest.Matchers.containsString("ssh-keygen -p -m PEM -f"),
                org.hamcrest.Matchers.containsString(s.target())));
        org.hamcrest.MatcherAssert.assertThat(e.phase(), org.hamcrest.Matchers.is(ShellException.Phase.AUTHENTICATION));
    }
}
