package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step of {@code xcatDbBackup}: a verified, checksummed dumpxCATdb backup of the
 * management node, with retention. In a Pipeline use the {@code xcatDbBackup} step, which returns the result.
 * The connection and reporting settings are those of every build step ({@link XcatBuilder}).
 */
public final class XcatDbBackupBuilder extends XcatBuilder {
    private String host = "";
    private String backupRoot = DbBackupOptions.DEFAULT_BACKUP_ROOT;
    private int keep = DbBackupOptions.DEFAULT_KEEP;
    private int maxAgeDays;
    private boolean allTables;
    private boolean nativeBackup;
    private boolean collect;

    @DataBoundConstructor
    public XcatDbBackupBuilder() {
    }

    public String getHost() { return host; }
    @DataBoundSetter public void setHost(String host) { this.host = Util.fixNull(host).trim(); }
    public String getBackupRoot() { return backupRoot; }
    @DataBoundSetter public void setBackupRoot(String root) { this.backupRoot = Util.fixNull(root).trim(); }
    public int getKeep() { return keep; }
    @DataBoundSetter public void setKeep(int keep) { this.keep = keep; }
    public int getMaxAgeDays() { return maxAgeDays; }
    @DataBoundSetter public void setMaxAgeDays(int days) { this.maxAgeDays = days; }
    public boolean isAllTables() { return allTables; }
    @DataBoundSetter public void setAllTables(boolean allTables) { this.allTables = allTables; }
    public boolean isNativeBackup() { return nativeBackup; }
    @DataBoundSetter public void setNativeBackup(boolean nativeBackup) { this.nativeBackup = nativeBackup; }
    public boolean isCollect() { return collect; }
    @DataBoundSetter public void setCollect(boolean collect) { this.collect = collect; }

    @Override
    Invocation.Builder request() {
        return invocation(Invocation.Procedure.DB_BACKUP).primary(host)
                .backupRoot(backupRoot).keep(keep).maxAgeDays(maxAgeDays)
                .allTables(allTables).nativeBackup(nativeBackup).collect(collect);
    }

    @Extension
    @Symbol("xcatDbBackupBuilder")
    public static final class DescriptorImpl extends XcatBuilderDescriptor {
        public DescriptorImpl() {
            super(XcatDbBackupStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatDbBackupBuilder_DisplayName();
        }

        @POST
        public FormValidation doCheckHost(@AncestorInPath Item item, @QueryParameter String value,
                                          @QueryParameter boolean local) {
            Forms.checkConfigure(item);
            return Forms.toValidation(local ? FieldCheck.optionalHost("host", value) : FieldCheck.host("host", value));
        }

        @POST
        public FormValidation doCheckBackupRoot(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.path("backupRoot", value, false));
        }

        @POST
        public FormValidation doCheckKeep(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("keep", value, 1, 10_000, true));
        }

        @POST
        public FormValidation doCheckMaxAgeDays(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("maxAgeDays", value, 0, 36_500, false));
        }
    }
}
