package io.jenkins.plugins.xcatha.exec.local;

import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.RemoteShellContract;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.List;

/** The local shell run inside a simulated node's namespaces and root, as on a Jenkins agent that is the node. */
public class LocalShellContractTest extends RemoteShellContract {
    @Override
    protected RemoteShell open(SimulatedNode node, ShellSettings settings, HostKeyVerification hostKeys,
                               SshCredentials credentials) {
        return new LocalShell(node.hostname(), List.of("/usr/bin/nsenter", "--target", Long.toString(node.sshdPid()),
                "--mount", "--uts", "--root", "--wd", "--", "/usr/bin/env", "-i",
                "PATH=/opt/xcat/bin:/opt/xcat/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME=/root", "LANG=C.UTF-8"), settings);
    }

}
