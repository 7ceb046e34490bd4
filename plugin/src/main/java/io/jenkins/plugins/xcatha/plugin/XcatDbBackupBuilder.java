package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step of {@code xcatDbBackup}: a verified, checksummed dumpxCATdb backup of the
 * management node, with retention. In a Pipeline use the {@code xcatDbBackup} step, which returns the result.
 */
public final class XcatDbBackupBuilder extends Builder implements SimpleBuildStep {
    private String host = "";
    private String credentialsId = "";
    private String user = "";
    private int port = HostAndPort.SSH_PORT;
    private HostKeyVerification hostKeyVerification;
    private boolean local;
    private boolean checkMode;
    private int commandTimeoutSeconds = Invocation.DEFAULT_COMMAND_TIMEOUT_SECONDS;
    private int connectTimeoutSeconds = Invocation.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private String backupRoot = DbBackupOptions.DEFAULT_BACKUP_ROOT;
    private int keep = DbBackupOptions.DEFAULT_KEEP;
    private int maxAgeDays;
    private boolean allTables;
    private boolean nativeBackup;
    private boolean collect;
    private boolean failOnWarning;
    private boolean reportOnly;

    @DataBoundConstructor
    public XcatDbBackupBuilder() {
    }

    public String getHost() { return host; }
    @DataBoundSetter public void setHost(String host) { this.host = Util.fixNull(host).trim(); }
    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String id) { this.credentialsId = Util.fixNull(id).trim(); }
    public String getUser() { return user; }
    @DataBoundSetter public void setUser(String user) { this.user = Util.fixNull(user).trim(); }
    public int getPort() { return port; }
    @DataBoundSetter public void setPort(int port) { this.port = port; }
    public HostKeyVerification getHostKeyVerification() { return hostKeyVerification; }
    @DataBoundSetter public void setHostKeyVerification(HostKeyVerification v) { this.hostKeyVerification = v; }
    public boolean isLocal() { return local; }
    @DataBoundSetter public void setLocal(boolean local) { this.local = local; }
    public boolean isCheckMode() { return checkMode; }
    @DataBoundSetter public void setCheckMode(boolean checkMode) { this.checkMode = checkMode; }
    public int getCommandTimeoutSeconds() { return commandTimeoutSeconds; }
    @DataBoundSetter public void setCommandTimeoutSeconds(int s) { this.commandTimeoutSeconds = s; }
    public int getConnectTimeoutSeconds() { return connectTimeoutSeconds; }
    @DataBoundSetter public void setConnectTimeoutSeconds(int s) { this.connectTimeoutSeconds = s; }
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
    public boolean isFailOnWarning() { return failOnWarning; }
    @DataBoundSetter public void setFailOnWarning(boolean failOnWarning) { this.failOnWarning = failOnWarning; }
    public boolean isReportOnly() { return reportOnly; }
    @DataBoundSetter public void setReportOnly(boolean reportOnly) { this.reportOnly = reportOnly; }

    Invocation.Builder request() {
        return Invocation.builder(Invocation.Procedure.DB_BACKUP)
                .primary(host).port(port).local(local)
                .hostKey(HostKeyVerification.settingOf(hostKeyVerification))
                .checkMode(checkMode).commandTimeoutSeconds(commandTimeoutSeconds)
                .connectTimeoutSeconds(connectTimeoutSeconds)
                .backupRoot(backupRoot).keep(keep).maxAgeDays(maxAgeDays)
                .allTables(allTables).nativeBackup(nativeBackup).collect(collect)
                .failOnWarning(failOnWarning).reportOnly(reportOnly);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        ProcedureLauncher.launch(run, workspace, launcher, listener, request(), Invocation.Procedure.DB_BACKUP,
                env.expand(user), env.expand(credentialsId));
    }

    @Extension
    @Symbol("xcatDbBackupBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatDbBackupBuilder_DisplayName();
        }

        /** What the form shows when nothing was chosen: the agent user's known_hosts. */
        public HostKeyVerification getDefaultHostKeyVerification() {
            return new KnownHostsFileVerification();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return Forms.credentialsItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkCredentialsId(item, value);
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

        @POST
        public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("port", value, 1, 65_535, true));
        }

        @POST
        public FormValidation doCheckCommandTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("commandTimeoutSeconds", value, 1, 86_400, true));
        }

        @POST
        public FormValidation doCheckConnectTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("connectTimeoutSeconds", value, 1, 3_600, true));
        }
    }
}
