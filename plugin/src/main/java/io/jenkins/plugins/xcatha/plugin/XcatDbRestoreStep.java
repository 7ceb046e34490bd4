package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.backup.DbRestoreOptions;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code xcatDbRestore host: 'mn1', credentialsId: 'xcat-root'}: puts a verified db-backup backup back (the
 * latest on the node, one by name with {@code backup}, or a collected {@code archive} in the workspace), after a
 * safety backup of the database as it is, and reads every table back against it. Returns a map with
 * {@code result}, {@code steps} and {@code artifacts}.
 */
public final class XcatDbRestoreStep extends XcatStep implements RestoreSettings {
    private String host = "";
    private String backup = "";
    private String archive = "";
    private boolean safetyBackup = true;
    private boolean restoreOnStandby;
    private String backupRoot = DbBackupOptions.DEFAULT_BACKUP_ROOT;
    private int restoreTimeoutSeconds = DbRestoreOptions.DEFAULT_RESTORE_TIMEOUT_SECONDS;
    private int dumpTimeoutSeconds = DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS;

    @DataBoundConstructor
    public XcatDbRestoreStep() {}

    @Override
    public String getHost() {
        return host;
    }

    @DataBoundSetter
    public void setHost(String host) {
        this.host = Util.fixNull(host).trim();
    }

    @Override
    public String getBackup() {
        return backup;
    }

    @DataBoundSetter
    public void setBackup(String backup) {
        this.backup = Util.fixNull(backup).trim();
    }

    @Override
    public String getArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(String archive) {
        this.archive = Util.fixNull(archive).trim();
    }

    @Override
    public boolean isSafetyBackup() {
        return safetyBackup;
    }

    @DataBoundSetter
    public void setSafetyBackup(boolean safetyBackup) {
        this.safetyBackup = safetyBackup;
    }

    @Override
    public boolean isRestoreOnStandby() {
        return restoreOnStandby;
    }

    @DataBoundSetter
    public void setRestoreOnStandby(boolean restoreOnStandby) {
        this.restoreOnStandby = restoreOnStandby;
    }

    @Override
    public String getBackupRoot() {
        return backupRoot;
    }

    @DataBoundSetter
    public void setBackupRoot(String root) {
        this.backupRoot = Util.fixNull(root).trim();
    }

    @Override
    public int getRestoreTimeoutSeconds() {
        return restoreTimeoutSeconds;
    }

    @DataBoundSetter
    public void setRestoreTimeoutSeconds(int s) {
        this.restoreTimeoutSeconds = s;
    }

    @Override
    public int getDumpTimeoutSeconds() {
        return dumpTimeoutSeconds;
    }

    @DataBoundSetter
    public void setDumpTimeoutSeconds(int s) {
        this.dumpTimeoutSeconds = s;
    }

    @Override
    Invocation.Builder request() {
        return restoreRequest();
    }

    @Extension
    @Symbol("xcatDbRestore")
    public static final class DescriptorImpl extends XcatStepDescriptor {
        @Override
        public String getFunctionName() {
            return "xcatDbRestore";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatDbRestoreStep_DisplayName();
        }

        public int getDefaultRestoreTimeoutSeconds() {
            return DbRestoreOptions.DEFAULT_RESTORE_TIMEOUT_SECONDS;
        }

        @POST
        public FormValidation doCheckHost(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter boolean local) {
            Forms.checkConfigure(item);
            return Forms.toValidation(local ? FieldCheck.optionalHost("host", value) : FieldCheck.host("host", value));
        }

        @POST
        public FormValidation doCheckRestoreTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("restoreTimeoutSeconds", value, 10, 86_400, true));
        }
    }
}
