package io.jenkins.plugins.xcatha.exec.openssh;

import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.SshShellContract;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;

public class OpenSshShellContractTest extends SshShellContract {
    @Override
    protected RemoteShell open(SimulatedNode node, ShellSettings settings, HostKeyVerification hostKeys,
                               SshCredentials credentials) {
        return new OpenSshShell(address(node), credentials, hostKeys, settings);
    }
}
