package io.jenkins.plugins.xcatha.plugin;

import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.xcatha.jenkins.DetachedRun;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.jenkins.InvocationRunner;
import io.jenkins.plugins.xcatha.jenkins.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs one invocation on the agent the step runs on: SSH connections start there, local runs act on that
 * machine. The key and passphrase travel as {@link Secret}s inside this callable (never as step arguments,
 * never in a log line) and become char arrays only on the agent.
 */
final class RunOnAgent extends MasterToSlaveCallable<RunOutcome, Exception> {
    private static final long serialVersionUID = 1L;
    /** How long an aborted run may take to close its connections and write its report. */
    static final Duration ABORT_GRACE = Duration.ofSeconds(30);

    private final String runId;
    private final Invocation invocation;
    private final Secret privateKey;
    private final Secret passphrase;
    private final String workspace;
    private final String folder;
    private final TaskListener listener;

    RunOnAgent(
            String runId,
            Invocation invocation,
            Secret privateKey,
            Secret passphrase,
            String workspace,
            String folder,
            TaskListener listener) {
        this.runId = runId;
        this.invocation = invocation;
        this.privateKey = privateKey;
        this.passphrase = passphrase;
        this.workspace = workspace;
        this.folder = folder;
        this.listener = listener;
    }

    @Override
    public RunOutcome call() throws Exception {
        char[] key = privateKey == null ? null : privateKey.getPlainText().toCharArray();
        char[] pass = passphrase == null ? null : passphrase.getPlainText().toCharArray();
        try {
            return DetachedRun.run(
                    runId,
                    () -> InvocationRunner.run(invocation, key, pass, listener.getLogger(), Path.of(workspace), folder),
                    ABORT_GRACE);
        } catch (Exception e) {
            throw AgentFailure.portable(e);
        }
    }

    @Override
    public String toString() {
        return "RunOnAgent{" + invocation + "}";
    }
}
