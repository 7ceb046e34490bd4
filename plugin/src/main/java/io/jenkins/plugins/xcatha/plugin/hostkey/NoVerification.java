package io.jenkins.plugins.xcatha.plugin.hostkey;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.xcatha.jenkins.HostKeySetting;
import io.jenkins.plugins.xcatha.plugin.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Accept any host key. Anyone between the agent and a node can then pose as it; every run says so in the log. */
public class NoVerification extends HostKeyVerification {

    @DataBoundConstructor
    public NoVerification() {}

    @Override
    public HostKeySetting toSetting() {
        return HostKeySetting.noVerification();
    }

    @Extension
    @Symbol("noVerification")
    public static final class DescriptorImpl extends HostKeyVerificationDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.NoVerification_DisplayName();
        }
    }
}
