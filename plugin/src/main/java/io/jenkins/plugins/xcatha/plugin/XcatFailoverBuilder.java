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
 * The freestyle build step of {@code xcatFailover}: makes the standby the active management node, planned or after
 * the primary died, never while the old primary still serves. In a Pipeline use the {@code xcatFailover} step, which
 * returns the result.
 */
public final class XcatFailoverBuilder extends XcatBuilder implements FailoverSettings {
    private final String primary;
    private final String standby;
    private String virtualIp = "";
    private String interfaceName = "";
    private boolean planned;
    private boolean primaryDown;
    private String sharedVolumeGroup = "";
    private String sharedDirs = "";
    private String hpcDaemons = "";

    @DataBoundConstructor
    public XcatFailoverBuilder(String primary, String standby) {
        this.primary = Util.fixNull(primary).trim();
        this.standby = Util.fixNull(standby).trim();
    }

    @Override
    public String getPrimary() {
        return primary;
    }

    @Override
    public String getStandby() {
        return standby;
    }

    @Override
    public String getVirtualIp() {
        return virtualIp;
    }

    @DataBoundSetter
    public void setVirtualIp(String virtualIp) {
        this.virtualIp = Util.fixNull(virtualIp).trim();
    }

    @Override
    public String getInterface() {
        return interfaceName;
    }

    @DataBoundSetter
    public void setInterface(String name) {
        this.interfaceName = Util.fixNull(name).trim();
    }

    @Override
    public boolean isPlanned() {
        return planned;
    }

    @DataBoundSetter
    public void setPlanned(boolean planned) {
        this.planned = planned;
    }

    @Override
    public boolean isPrimaryDown() {
        return primaryDown;
    }

    @DataBoundSetter
    public void setPrimaryDown(boolean primaryDown) {
        this.primaryDown = primaryDown;
    }

    @Override
    public String getSharedVolumeGroup() {
        return sharedVolumeGroup;
    }

    @DataBoundSetter
    public void setSharedVolumeGroup(String group) {
        this.sharedVolumeGroup = Util.fixNull(group).trim();
    }

    @Override
    public String getSharedDirs() {
        return sharedDirs;
    }

    @DataBoundSetter
    public void setSharedDirs(String dirs) {
        this.sharedDirs = Util.fixNull(dirs).trim();
    }

    @Override
    public String getHpcDaemons() {
        return hpcDaemons;
    }

    @DataBoundSetter
    public void setHpcDaemons(String names) {
        this.hpcDaemons = Util.fixNull(names).trim();
    }

    @Override
    Invocation.Builder request() {
        return failoverRequest();
    }

    @Extension
    @Symbol("xcatFailoverBuilder")
    public static final class DescriptorImpl extends XcatBuilderDescriptor {
        public DescriptorImpl() {
            super(XcatFailoverStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatFailoverBuilder_DisplayName();
        }

        @Override
        public boolean isLocalOffered() {
            return false;
        }

        @POST
        public FormValidation doCheckPrimary(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.host("primary", value));
        }

        @POST
        public FormValidation doCheckStandby(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.host("standby", value));
        }

        @POST
        public FormValidation doCheckVirtualIp(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.virtualIp(value));
        }

        @POST
        public FormValidation doCheckInterface(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.interfaceName(value));
        }

        @POST
        public FormValidation doCheckPrimaryDown(
                @AncestorInPath Item item, @QueryParameter boolean value, @QueryParameter boolean planned) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.failoverKind(planned, value));
        }

        @POST
        public FormValidation doCheckSharedVolumeGroup(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.sharedVolumeGroup(value));
        }

        @POST
        public FormValidation doCheckSharedDirs(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.paths("sharedDirs", value));
        }

        @POST
        public FormValidation doCheckHpcDaemons(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.names("hpcDaemons", value));
        }
    }
}
