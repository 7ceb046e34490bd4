package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code xcatDbBackup host: 'mn1', credentialsId: 'xcat-root'}: a verified, checksummed dumpxCATdb backup
 * of the management node, with retention. Returns a map with {@code result}, {@code steps} and
 * {@code artifacts}. The connection, reporting and backup settings are those of every step ({@link XcatStep}).
 */
public final class XcatDbBackupStep extends XcatBackupStep {
    private String host = "";

    @DataBoundConstructor
    public XcatDbBackupStep() {}

    public String getHost() {
        return host;
    }

    @DataBoundSetter
    public void setHost(String host) {
        this.host = Util.fixNull(host).trim();
    }

    @Override
    Invocation.Builder request() {
        return invocation(Invocation.Procedure.DB_BACKUP).primary(host);
    }

    @Extension
    @Symbol("xcatDbBackup")
    public static final class DescriptorImpl extends XcatStepDescriptor {
        @Override
        public String getFunctionName() {
            return "xcatDbBackup";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatDbBackupStep_DisplayName();
        }

        @POST
        public FormValidation doCheckHost(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter boolean local) {
            Forms.checkConfigure(item);
            return Forms.toValidation(local ? FieldCheck.optionalHost("host", value) : FieldCheck.host("host", value));
        }
    }
}
