package io.jenkins.plugins.xcatha.plugin;

import io.jenkins.plugins.xcatha.jenkins.DetachedRun;
import io.jenkins.plugins.xcatha.jenkins.RunOutcome;
import jenkins.security.MasterToSlaveCallable;

/** Picks up the report of a run whose build was stopped while the controller waited for it. */
final class CollectOnAgent extends MasterToSlaveCallable<RunOutcome, Exception> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    CollectOnAgent(String runId) {
        this.runId = runId;
    }

    @Override
    public RunOutcome call() throws Exception {
        try {
            return DetachedRun.collect(runId, RunOnAgent.ABORT_GRACE);
        } catch (Exception e) {
            throw AgentFailure.portable(e);
        }
    }
}
