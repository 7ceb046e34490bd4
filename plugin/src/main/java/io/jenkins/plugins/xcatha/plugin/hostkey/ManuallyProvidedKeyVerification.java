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
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Accept only this key: a {@code SHA256:} fingerprint as {@code ssh-keygen -lf} prints it, or a public key
 * line ({@code ssh-ed25519 AAAA...}). One pin serves a step only when both nodes present that key (the same
 * host key on both nodes of a pair is common after cloning); otherwise use a known_hosts file.
 */
public class ManuallyProvidedKeyVerification extends HostKeyVerification {
    private final String key;

    @DataBoundConstructor
    public ManuallyProvidedKeyVerification(String key) {
        this.key = Util.fixNull(key).trim();
    }

    public String getKey() {
        return key;
    }

    @Override
    public HostKeySetting toSetting() {
        return HostKeySetting.manuallyProvidedKey(key);
    }

    @Extension
    @Symbol("manuallyProvidedKey")
    public static final class DescriptorImpl extends HostKeyVerificationDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ManuallyProvidedKeyVerification_DisplayName();
        }

        @POST
        public FormValidation doCheckKey(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.hostKey(value));
        }
    }
}
