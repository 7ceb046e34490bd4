package io.jenkins.plugins.xcatha.plugin.hostkey;

import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.xcatha.jenkins.HostKeySetting;

/**
 * How a step verifies the SSH host keys of the management nodes: a known_hosts file, one pinned key,
 * trust on first use, or (loudly) not at all. A choice the user makes in a drop-down or as
 * {@code hostKeyVerification: knownHostsFile(path: '...')} in a Jenkinsfile; the engine does the checking.
 */
public abstract class HostKeyVerification implements Describable<HostKeyVerification> {

    /** The same choice as plain data, for the agent. */
    public abstract HostKeySetting toSetting();

    /** The descriptor type of the choices, so that form drop-downs list exactly these. */
    public abstract static class HostKeyVerificationDescriptor extends Descriptor<HostKeyVerification> {}

    /** The setting for a step whose {@code hostKeyVerification} was left out. */
    public static HostKeySetting settingOf(HostKeyVerification chosen) {
        return chosen == null ? HostKeySetting.defaults() : chosen.toSetting();
    }
}
