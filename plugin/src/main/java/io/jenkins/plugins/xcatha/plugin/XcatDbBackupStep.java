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
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
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
 * {@code xcatDbBackup host: 'mn1', credentialsId: 'xcat-root'}: a verified, checksummed dumpxCATdb backup
 * of the management node, with retention. Returns a map with {@code result}, {@code steps} and
 * {@code artifacts}.
 */
public final class XcatDbBackupStep extends Step {
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
    public XcatDbBackupStep() {
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
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient XcatDbBackupStep step;
        private final transient StopSignal stopSignal = new StopSignal();

        Execution(XcatDbBackupStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            FilePath workspace = c.get(FilePath.class);
            Launcher launcher = c.get(Launcher.class);
            if (workspace == null || launcher == null) {
                throw new AbortException(Messages.ProcedureLauncher_NotOnAgent("xcatDbBackup"));
            }
            stopSignal.running(Thread.currentThread());
            try {
                return ProcedureLauncher.launch(c.get(Run.class), workspace, launcher, c.get(TaskListener.class),
                        step.request(), Invocation.Procedure.DB_BACKUP, step.user, step.credentialsId).returnValue();
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
    @Symbol("xcatDbBackup")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "xcatDbBackup";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatDbBackupStep_DisplayName();
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
