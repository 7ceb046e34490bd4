package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every Pipeline step shares: the connection and reporting settings as optional named arguments (data binding finds
 * the setters of a superclass), their help pages in this class's resource folder, and the execution that runs
 * the procedure from the agent of the enclosing {@code node} block and returns its result. Each step adds
 * its function name, its constructor and the fields of its procedure.
 */
public abstract class XcatStep extends Step implements XcatSettings {
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

    /** The procedure with every field of the step, unchecked: building it checks them. */
    abstract Invocation.Builder request();

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient XcatStep step;
        private final transient StopSignal stopSignal = new StopSignal();

        Execution(XcatStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            stopSignal.running(Thread.currentThread());
            try {
                return ProcedureLauncher.launch(
                                c.get(Run.class),
                                c.get(FilePath.class),
                                c.get(Launcher.class),
                                c.get(TaskListener.class),
                                step.request(),
                                step.user,
                                step.credentialsId)
                        .returnValue();
            } catch (InterruptedException e) {
                throw stopSignal.stoppedBy(e);
            } finally {
                stopSignal.done();
            }
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            // null after a restart: the transient signal is gone with the thread it would have stopped
            if (stopSignal == null || !stopSignal.stop(cause)) {
                super.stop(cause);
            }
        }
    }
}
