package io.jenkins.plugins.xcatha.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * What the configuration pages of the steps share: the permission gate of every web method, the SSH key
 * drop-down (credentials consumer guide), and turning the engine's field checks into form messages.
 */
public final class Forms {

    private Forms() {}

    /** Configuring a job's steps needs CONFIGURE on it; outside a job (no item), ADMINISTER. */
    public static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    public static FormValidation toValidation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    private static boolean mayListCredentials(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    private static Authentication authenticationFor(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /** SSH private keys the job may use; only the current value for those who may not list them. */
    public static ListBoxModel credentialsItems(Item item, String credentialsId) {
        String current = Util.fixNull(credentialsId);
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayListCredentials(item)) {
            return result.includeCurrentValue(current);
        }
        result.includeEmptyValue();
        if (item == null) {
            result.includeMatchingAs(
                    ACL.SYSTEM2, Jenkins.get(), SSHUserPrivateKey.class, List.of(), CredentialsMatchers.always());
        } else {
            result.includeMatchingAs(
                    authenticationFor(item), item, SSHUserPrivateKey.class, List.of(), CredentialsMatchers.always());
        }
        return result.includeCurrentValue(current);
    }

    /**
     * The chosen id must name an SSH private key the job can use. Empty is only allowed for local runs, which a step
     * without the local option ({@code localOffered} false: failover) does not have.
     */
    public static FormValidation checkCredentialsId(Item item, String value, boolean localOffered) {
        if (!mayListCredentials(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return localOffered
                    ? FormValidation.warning(Messages.Forms_CredentialsEmpty())
                    : FormValidation.error(Messages.Forms_CredentialsRequired());
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning(Messages.Forms_CredentialsExpression());
        }
        if (CredentialsProvider.listCredentialsInItem(
                        SSHUserPrivateKey.class,
                        item,
                        authenticationFor(item),
                        List.of(),
                        CredentialsMatchers.withId(id))
                .isEmpty()) {
            return FormValidation.error(Messages.Forms_CredentialsNotFound(id));
        }
        return FormValidation.ok();
    }
}
