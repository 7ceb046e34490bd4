package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What both freestyle build steps share: the common and the database backup settings as data-bound properties (the same names and
 * defaults as the Pipeline steps') and running the procedure from the build's agent. The user and the
 * credentials id may name build variables. Each build step adds its constructor and the fields of its
 * procedure.
 */
public abstract class XcatBuilder extends Builder implements SimpleBuildStep, XcatSettings {
    private String credentialsId = "";
    private String user = "";
    private int port = HostAndPort.SSH_PORT;
    private HostKeyVerification hostKeyVerification;
    private boolean local;
    private boolean checkMode;
    private int commandTimeoutSeconds = Invocation.DEFAULT_COMMAND_TIMEOUT_SECONDS;
    private int connectTimeoutSeconds = Invocation.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private boolean failOnWarning;
    private boolean reportOnly;
    private String backupRoot = DbBackupOptions.DEFAULT_BACKUP_ROOT;
    private int keep = DbBackupOptions.DEFAULT_KEEP;
    private int maxAgeDays;
    private boolean allTables;
    private boolean nativeBackup;
    private boolean collect;
    private boolean useBypass;
    private int dumpTimeoutSeconds = DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS;

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String id) {
        this.credentialsId = Util.fixNull(id).trim();
    }

    @Override
    public String getUser() {
        return user;
    }

    @DataBoundSetter
    public void setUser(String user) {
        this.user = Util.fixNull(user).trim();
    }

    @Override
    public int getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(int port) {
        this.port = port;
    }

    @Override
    public HostKeyVerification getHostKeyVerification() {
        return hostKeyVerification;
    }

    @DataBoundSetter
    public void setHostKeyVerification(HostKeyVerification v) {
        this.hostKeyVerification = v;
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @DataBoundSetter
    public void setLocal(boolean local) {
        this.local = local;
    }

    @Override
    public boolean isCheckMode() {
        return checkMode;
    }

    @DataBoundSetter
    public void setCheckMode(boolean checkMode) {
        this.checkMode = checkMode;
    }

    @Override
    public int getCommandTimeoutSeconds() {
        return commandTimeoutSeconds;
    }

    @DataBoundSetter
    public void setCommandTimeoutSeconds(int s) {
        this.commandTimeoutSeconds = s;
    }

    @Override
    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int s) {
        this.connectTimeoutSeconds = s;
    }

    @Override
    public boolean isFailOnWarning() {
        return failOnWarning;
    }

    @DataBoundSetter
    public void setFailOnWarning(boolean failOnWarning) {
        this.failOnWarning = failOnWarning;
    }

    @Override
    public boolean isReportOnly() {
        return reportOnly;
    }

    @DataBoundSetter
    public void setReportOnly(boolean reportOnly) {
        this.reportOnly = reportOnly;
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
    public int getKeep() {
        return keep;
    }

    @DataBoundSetter
    public void setKeep(int keep) {
        this.keep = keep;
    }

    @Override
    public int getMaxAgeDays() {
        return maxAgeDays;
    }

    @DataBoundSetter
    public void setMaxAgeDays(int days) {
        this.maxAgeDays = days;
    }

    @Override
    public boolean isAllTables() {
        return allTables;
    }

    @DataBoundSetter
    public void setAllTables(boolean allTables) {
        this.allTables = allTables;
    }

    @Override
    public boolean isNativeBackup() {
        return nativeBackup;
    }

    @DataBoundSetter
    public void setNativeBackup(boolean nativeBackup) {
        this.nativeBackup = nativeBackup;
    }

    @Override
    public boolean isCollect() {
        return collect;
    }

    @DataBoundSetter
    public void setCollect(boolean collect) {
        this.collect = collect;
    }

    @Override
    public boolean isUseBypass() {
        return useBypass;
    }

    @DataBoundSetter
    public void setUseBypass(boolean useBypass) {
        this.useBypass = useBypass;
    }

    @Override
    public int getDumpTimeoutSeconds() {
        return dumpTimeoutSeconds;
    }

    @DataBoundSetter
    public void setDumpTimeoutSeconds(int s) {
        this.dumpTimeoutSeconds = s;
    }

    /** The procedure with every field of the build step, unchecked: building it checks them. */
    abstract Invocation.Builder request();

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        ProcedureLauncher.launch(
                run, workspace, launcher, listener, request(), env.expand(user), env.expand(credentialsId));
    }
}
