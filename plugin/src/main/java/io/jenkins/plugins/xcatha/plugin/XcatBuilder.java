package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every freestyle build step shares: the connection and reporting settings as data-bound properties (the same names and
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
