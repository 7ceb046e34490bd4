package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code xcatStandbyPrepare primary: 'mn1', standby: 'mn2', credentialsId: 'xcat-root'}: checks and prepares
 * the standby management node of an xCAT HA pair (same xCAT and database engine, shared data not mounted,
 * name resolution, root SSH trust both ways, clock sync, xcatd, DHCP and HPC daemons stopped and disabled on
 * the standby). Returns a map with {@code result}, {@code steps} and {@code artifacts}.
 */
public final class XcatStandbyPrepareStep extends Step {
    private final String primary;
    private final String standby;
    private String credentialsId = "";
    private String user = "";
    private int port = HostAndPort.SSH_PORT;
    private HostKeyVerification hostKeyVerification;
    private boolean local;
    private boolean checkMode;
    private int commandTimeoutSeconds = Invocation.DEFAULT_COMMAND_TIMEOUT_SECONDS;
    private int connectTimeoutSeconds = Invocation.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private String sharedDirs = "";
    private String hpcDaemons = "";
    private int maxClockSkewSeconds = Invocation.DEFAULT_MAX_CLOCK_SKEW_SECONDS;
    private boolean backupDatabase;
    private boolean failOnWarning;
    private boolean reportOnly;

    @DataBoundConstructor
    public XcatStandbyPrepareStep(String primary, String standby) {
        this.primary = Util.fixNull(primary).trim();
        this.standby = Util.fixNull(standby).trim();
    }

    public String getPrimary() { return primary; }
    public String getStandby() { return standby; }
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
    /** Paths separated by commas or line breaks; blank: /etc/xcat, /install, ~/.xcat, /tftpboot, the DB dir. */
    public String getSharedDirs() { return sharedDirs; }
    @DataBoundSetter public void setSharedDirs(String dirs) { this.sharedDirs = Util.fixNull(dirs).trim(); }
    /** Names separated by commas; blank: teal, cnm, loadl, gpfs. */
    public String getHpcDaemons() { return hpcDaemons; }
    @DataBoundSetter public void setHpcDaemons(String names) { this.hpcDaemons = Util.fixNull(names).trim(); }
    public int getMaxClockSkewSeconds() { return maxClockSkewSeconds; }
    @DataBoundSetter public void setMaxClockSkewSeconds(int s) { this.maxClockSkewSeconds = s; }
    /** Also take a verified backup of the xCAT database on the primary (the backup-database step). */
    public boolean isBackupDatabase() { return backupDatabase; }
    @DataBoundSetter public void setBackupDatabase(boolean backupDatabase) { this.backupDatabase = backupDatabase; }
    public boolean isFailOnWarning() { return failOnWarning; }
    @DataBoundSetter public void setFailOnWarning(boolean failOnWarning) { this.failOnWarning = failOnWarning; }
    public boolean isReportOnly() { return reportOnly; }
    @DataBoundSetter public void setReportOnly(boolean reportOnly) { this.reportOnly = reportOnly; }

    Invocation.Builder request() {
        return Invocation.builder(Invocation.Procedure.STANDBY_PREPARE)
                .primary(primary).standby(standby).port(port).local(local)
                .hostKey(HostKeyVerification.settingOf(hostKeyVerification))
                .checkMode(checkMode).commandTimeoutSeconds(commandTimeoutSeconds)
                .connectTimeoutSeconds(connectTimeoutSeconds)
                .sharedDirs(sharedDirs).hpcDaemons(hpcDaemons).maxClockSkewSeconds(maxClockSkewSeconds)
                .backupDatabase(backupDatabase)
                .failOnWarning(failOnWarning).reportOnly(reportOnly);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient XcatStandbyPrepareStep step;
        private final transient StopSignal stopSignal = new StopSignal();

        Execution(XcatStandbyPrepareStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            FilePath workspace = c.get(FilePath.class);
            Launcher launcher = c.get(Launcher.class);
            if (workspace == null || launcher == null) {
                throw new AbortException(Messages.ProcedureLauncher_NotOnAgent("xcatStandbyPrepare"));
            }
            stopSignal.running(Thread.currentThread());
            try {
                return ProcedureLauncher.launch(c.get(Run.class), workspace, launcher, c.get(TaskListener.class),
                        step.request(), Invocation.Procedure.STANDBY_PREPARE, step.user, step.credentialsId).returnValue();
            } catch (InterruptedException e) {
                throw stopSignal.stoppedBy(e);
            } finally {
                stopSignal.done();
            }
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            if (stopSignal == null || !stopSignal.stop(cause)) {
                super.stop(cause);
            }
        }
    }

    @Extension
    @Symbol("xcatStandbyPrepare")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "xcatStandbyPrepare";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatStandbyPrepareStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
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
        public FormValidation doCheckSharedDirs(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.paths("sharedDirs", value));
        }

        @POST
        public FormValidation doCheckHpcDaemons(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.names("hpcDaemons", value));
        }

        @POST
        public FormValidation doCheckMaxClockSkewSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("maxClockSkewSeconds", value, 0, 3_600, true));
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
