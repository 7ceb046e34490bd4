package io.jenkins.plugins.xcatha.plugin.hostkey;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.HostKeySetting;
import io.jenkins.plugins.xcatha.plugin.Forms;
import io.jenkins.plugins.xcatha.plugin.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Verify against a known_hosts file on the agent (default: the agent user's ~/.ssh/known_hosts). */
public class KnownHostsFileVerification extends HostKeyVerification {
    private String path = "";

    @DataBoundConstructor
    public KnownHostsFileVerification() {}

    public String getPath() {
        return path;
    }

    @DataBoundSetter
    public void setPath(String path) {
        this.path = Util.fixNull(path).trim();
    }

    @Override
    public HostKeySetting toSetting() {
        return HostKeySetting.knownHostsFile(path);
    }

    @Extension
    @Symbol("knownHostsFile")
    public static final class DescriptorImpl extends HostKeyVerificationDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.KnownHostsFileVerification_DisplayName();
        }

        @POST
        public FormValidation doCheckPath(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.knownHostsFile(value));
        }
    }
}
