package io.jenkins.plugins.xcatha.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.jenkins.RunOutcome;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import jenkins.util.BuildListenerAdapter;

/**
 * The controller's part of every step and build step: check the input, resolve and track the SSH key in
 * the build's context, run the procedure on the agent, archive its report, and turn the result into the
 * build's result. Everything it decides comes from the engine; this class only moves things around.
 */
final class ProcedureLauncher {

    private ProcedureLauncher() {}

    /**
     * @param workspace     null outside a {@code node} block, which fails with a message saying so
     * @param launcher      null outside a {@code node} block, like the workspace
     * @param user          the login user as given; blank: the credential's user name, else root
     * @param credentialsId an SSHUserPrivateKey id; may be blank only when nothing is reached over SSH
     * @throws AbortException with a one-line message when the input is bad or the procedure failed
     * @throws InterruptedException when the build was stopped (after the report was archived)
     */
    static RunOutcome launch(
            Run<?, ?> run,
            FilePath workspace,
            Launcher launcher,
            TaskListener listener,
            Invocation.Builder request,
            String user,
            String credentialsId)
            throws IOException, InterruptedException {
        Invocation.Procedure procedure = request.procedure();
        VirtualChannel channel = launcher == null ? null : launcher.getChannel();
        if (channel == null || workspace == null) {
            throw new AbortException(Messages.ProcedureLauncher_NotOnAgent(procedure.stepName()));
        }
        String id = Util.fixEmptyAndTrim(credentialsId);
        SSHUserPrivateKey key = id == null ? null : resolve(id, run, procedure);
        String login = Util.fixEmptyAndTrim(user);
        if (login == null && key != null) {
            login = Util.fixEmptyAndTrim(key.getUsername());
        }
        Invocation invocation;
        try {
            invocation = request.user(login).build();
        } catch (InvalidInputException e) {
            throw new AbortException(procedure.stepName() + ": " + e.getMessage());
        }
        if (key == null && needsSsh(invocation)) {
            throw new AbortException(Messages.ProcedureLauncher_CredentialsRequired(procedure.stepName()));
        }

        Computer computer = workspace.toComputer();
        String nodeName = computer == null ? "?" : computer.getName();
        String folder = InvocationFolders.of(run).claim(workspace, nodeName, procedure.id());
        listener.getLogger()
                .println("[xcat-ha] " + invocation + " from " + (nodeName.isEmpty() ? "the built-in node" : nodeName)
                        + ", artifacts in " + folder);

        String runId = run.getExternalizableId() + "/" + folder + "/" + UUID.randomUUID();
        RunOnAgent work = new RunOnAgent(
                runId,
                invocation,
                key == null ? null : firstKey(key, procedure),
                key == null ? null : key.getPassphrase(),
                workspace.getRemote(),
                folder,
                listener);

        InterruptedException stopped = null;
        RunOutcome outcome;
        try {
            outcome = channel.call(work);
            if (Thread.interrupted()) {
                // Same JVM: the run saw the interrupt, closed its shells and still returned its report.
                stopped = new InterruptedException("stopped");
            }
        } catch (InterruptedException e) {
            stopped = e;
            outcome = collectAfterStop(channel, runId, listener);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(procedure.stepName() + " failed on the agent: " + e.getMessage(), e);
        }

        if (outcome != null && !outcome.artifacts().isEmpty()) {
            run.pickArtifactManager()
                    .archive(workspace, launcher, BuildListenerAdapter.wrap(listener), outcome.artifacts());
        }
        if (stopped != null) {
            throw stopped;
        }
        if (outcome.buildResult() != null && outcome.failure() == null) {
            run.setResult(Result.fromString(outcome.buildResult()));
        }
        if (outcome.failure() != null) {
            throw new AbortException(outcome.failure());
        }
        return outcome;
    }

    private static SSHUserPrivateKey resolve(String id, Run<?, ?> run, Invocation.Procedure procedure)
            throws AbortException {
        SSHUserPrivateKey key = CredentialsProvider.findCredentialById(id, SSHUserPrivateKey.class, run);
        if (key == null) {
            throw new AbortException(Messages.ProcedureLauncher_CredentialsNotFound(procedure.stepName(), id));
        }
        CredentialsProvider.track(run, key);
        return key;
    }

    private static Secret firstKey(SSHUserPrivateKey key, Invocation.Procedure procedure) throws AbortException {
        List<String> keys = key.getPrivateKeys();
        if (keys.isEmpty()) {
            throw new AbortException(
                    Messages.ProcedureLauncher_CredentialsWithoutKey(procedure.stepName(), key.getId()));
        }
        return Secret.fromString(keys.get(0));
    }

    private static boolean needsSsh(Invocation invocation) {
        return !invocation.local() || invocation.standby() != null;
    }

    /**
     * Waits a short grace for the stopped run to close its shells and write its report. The interrupt is
     * cleared so that this call and the archiving can still talk to the agent; the caller rethrows it.
     */
    private static RunOutcome collectAfterStop(VirtualChannel channel, String runId, TaskListener listener) {
        Thread.interrupted();
        try {
            return channel.call(new CollectOnAgent(runId));
        } catch (Exception e) {
            listener.getLogger().println("[xcat-ha] stopped; no report could be collected: " + e.getMessage());
            return null;
        }
    }
}
