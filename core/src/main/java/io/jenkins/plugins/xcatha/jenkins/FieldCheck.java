package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Validate;
import io.jenkins.plugins.xcatha.failover.FailoverOptions;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Form validation for the build step pages, delegating to the engine's own checks so that the page and a
 * run reject the same values with the same words. Each method returns the problem, or empty when the
 * value is acceptable.
 */
public final class FieldCheck {

    private FieldCheck() {
    }

    /** A required HOST or HOST:PORT. */
    public static Optional<String> host(String field, String value) {
        return problem(() -> HostAndPort.parse(field, value, HostAndPort.SSH_PORT));
    }

    /** Like {@link #host} but empty is allowed (the standby of a procedure that may run alone). */
    public static Optional<String> optionalHost(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return host(field, value);
    }

    /** An absolute path on a node; empty is allowed when the field has a default. */
    public static Optional<String> path(String field, String value, boolean required) {
        if (!required && (value == null || value.isBlank())) {
            return Optional.empty();
        }
        return problem(() -> Validate.absolutePath(field, value));
    }

    /** A list of absolute paths, one per line or comma separated; empty means the defaults. */
    public static Optional<String> paths(String field, String value) {
        return problem(() -> Validate.absolutePaths(field, ListField.split(value)));
    }

    /** A list of names (daemons, tables), comma or whitespace separated; empty means the defaults. */
    public static Optional<String> names(String field, String value) {
        return problem(() -> {
            for (String name : ListField.split(value)) {
                Validate.name(field, name);
            }
        });
    }

    /** A whole number from {@code minimum} to {@code maximum}; empty allowed when the field is optional. */
    public static Optional<String> number(String field, String value, int minimum, int maximum, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(field + ": a number is required") : Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return Optional.of(field + ": '" + value.strip() + "' is not a whole number");
        }
        return problem(() -> Validate.between(field, n, minimum, maximum));
    }

    /** The SSH port, within the range a run accepts. */
    public static Optional<String> port(String value) {
        return number("port", value, 1, Invocation.MAX_PORT, true);
    }

    /** The limit of one remote command, within the range a run accepts. */
    public static Optional<String> commandTimeoutSeconds(String value) {
        return number("commandTimeoutSeconds", value, 1, Invocation.MAX_COMMAND_TIMEOUT_SECONDS, true);
    }

    /** The limit of one SSH connection attempt, within the range a run accepts. */
    public static Optional<String> connectTimeoutSeconds(String value) {
        return number("connectTimeoutSeconds", value, 1, Invocation.MAX_CONNECT_TIMEOUT_SECONDS, true);
    }

    /** The backup directory on the node as dumpxCATdb can take it; empty means the default. */
    public static Optional<String> backupRoot(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return problem(() -> DbBackupOptions.builder().backupRoot(value.strip()).build());
    }

    /** The dump's own limit, within the range a run accepts. */
    public static Optional<String> dumpTimeoutSeconds(String value) {
        Optional<String> notANumber = number("dumpTimeoutSeconds", value, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
        if (notANumber.isPresent()) {
            return notANumber;
        }
        return problem(() -> DbBackupOptions.builder().dumpTimeoutSeconds(Integer.parseInt(value.strip())).build());
    }

    /** The NTP server both nodes are pointed at; empty leaves their time configuration alone. */
    public static Optional<String> ntpServer(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return problem(() -> StandbyPrepareOptions.builder().ntpServer(value.strip()).build().validate());
    }

    /** failover: the management virtual IP as ADDRESS/PREFIX. */
    public static Optional<String> virtualIp(String value) {
        return problem(() -> FailoverOptions.checkVirtualIp(value == null ? null : value.strip()));
    }

    /** failover: the standby's interface that gets the virtual IP. */
    public static Optional<String> interfaceName(String value) {
        return problem(() -> FailoverOptions.checkInterface(value == null ? null : value.strip()));
    }

    /** failover: a planned failover and a stated-down primary exclude each other. */
    public static Optional<String> failoverKind(boolean planned, boolean primaryDown) {
        return problem(() -> FailoverOptions.checkKind(planned, primaryDown));
    }

    /** failover, AIX: the volume group of the shared file systems; empty means none. */
    public static Optional<String> sharedVolumeGroup(String value) {
        return problem(() -> FailoverOptions.checkVolumeGroup(value));
    }

    /** The host-key pin of a manually provided key. */
    public static Optional<String> hostKey(String value) {
        return problem(() -> HostKeySetting.checkKey(value));
    }

    /** The known_hosts path; empty means the agent user's ~/.ssh/known_hosts. */
    public static Optional<String> knownHostsFile(String value) {
        return problem(() -> HostKeySetting.knownHostsFile(value).validate());
    }

    private static Optional<String> problem(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The messages of several checks, for a step that checks everything at once. */
    @SafeVarargs
    public static List<String> all(Optional<String>... checks) {
        List<String> problems = new ArrayList<>();
        for (Optional<String> c : checks) {
            c.ifPresent(problems::add);
        }
        return problems;
    }
}
