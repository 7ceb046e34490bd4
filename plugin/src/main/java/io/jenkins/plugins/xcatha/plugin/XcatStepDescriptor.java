package io.jenkins.plugins.xcatha.plugin;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of both Pipeline steps share: the context they run in and the form methods of the
 * common fields (Stapler finds web methods declared on a superclass of the descriptor).
 */
public abstract class XcatStepDescriptor extends StepDescriptor implements FormDefaults {

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
        return Forms.checkCredentialsId(item, value, isLocalOffered());
    }

    @POST
    public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.port(value));
    }

    @POST
    public FormValidation doCheckCommandTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.commandTimeoutSeconds(value));
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.connectTimeoutSeconds(value));
    }

    @POST
    public FormValidation doCheckBackupRoot(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.backupRoot(value));
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
    public FormValidation doCheckDumpTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.dumpTimeoutSeconds(value));
    }

    @POST
    public FormValidation doCheckEssentialTables(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.names("essentialTables", value));
    }

    @POST
    public FormValidation doCheckAcceptRowLoss(@AncestorInPath Item item, @QueryParameter String value) {
        Forms.checkConfigure(item);
        return Forms.toValidation(FieldCheck.names("acceptRowLoss", value));
    }
}
