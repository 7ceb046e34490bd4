package io.jenkins.plugins.xcatha.plugin.hostkey;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.xcatha.jenkins.HostKeySetting;
import io.jenkins.plugins.xcatha.plugin.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Accept a node's key the first time and remember it in the agent user's known_hosts; refuse a changed key
 * afterwards. Convenient for a first run; a known_hosts file or a pinned key is safer.
 */
public class TrustOnFirstUseVerification extends HostKeyVerification {

    @DataBoundConstructor
    public TrustOnFirstUseVerification() {}

    @Override
    public HostKeySetting toSetting() {
        return HostKeySetting.trustOnFirstUse();
    }

    @Extension
    @Symbol("trustOnFirstUse")
    public static final class DescriptorImpl extends HostKeyVerificationDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TrustOnFirstUseVerification_DisplayName();
        }
    }
}
