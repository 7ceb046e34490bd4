package io.jenkins.plugins.xcatha.plugin;

import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.jenkins.Invocation;

/**
 * The values a new step's form starts with. A form made without an instance (Add build step, the Pipeline
 * Syntax page) shows a field empty unless its control names a default, and an empty number binds as 0: a
 * port of 0 and timeouts of 0 seconds. The descriptors of the Pipeline steps and of the build steps render the
 * same form fragments, so both offer these.
 */
public interface FormDefaults {
    default int getDefaultPort() {
        return HostAndPort.SSH_PORT;
    }

    default int getDefaultCommandTimeoutSeconds() {
        return Invocation.DEFAULT_COMMAND_TIMEOUT_SECONDS;
    }

    default int getDefaultConnectTimeoutSeconds() {
        return Invocation.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    }

    default String getDefaultBackupRoot() {
        return DbBackupOptions.DEFAULT_BACKUP_ROOT;
    }

    default int getDefaultKeep() {
        return DbBackupOptions.DEFAULT_KEEP;
    }

    default int getDefaultDumpTimeoutSeconds() {
        return DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS;
    }

    default int getDefaultMaxClockSkewSeconds() {
        return Invocation.DEFAULT_MAX_CLOCK_SKEW_SECONDS;
    }

    /**
     * Whether the form offers "the agent is the management node": not for failover, which reaches both nodes over
     * SSH (the old primary may be down) and refuses {@code local}.
     */
    default boolean isLocalOffered() {
        return true;
    }
}
