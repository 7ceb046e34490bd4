package io.jenkins.plugins.xcatha.plugin;

import io.jenkins.plugins.xcatha.jenkins.Invocation;
import io.jenkins.plugins.xcatha.plugin.hostkey.HostKeyVerification;

/**
 * The settings every step and build step has, whatever the procedure: how to reach the management nodes and
 * how the run reports. Pipeline steps and freestyle build steps extend different Jenkins classes, so each
 * holds these fields itself ({@link XcatStep}, {@link XcatBuilder}); this is where they meet.
 */
interface XcatSettings {
    String getCredentialsId();

    String getUser();

    int getPort();

    HostKeyVerification getHostKeyVerification();

    boolean isLocal();

    boolean isCheckMode();

    int getCommandTimeoutSeconds();

    int getConnectTimeoutSeconds();

    boolean isFailOnWarning();

    boolean isReportOnly();

    /** A request for {@code procedure} with these settings, for the step to add its own fields to. */
    default Invocation.Builder invocation(Invocation.Procedure procedure) {
        return Invocation.builder(procedure)
                .port(getPort())
                .local(isLocal())
                .hostKey(HostKeyVerification.settingOf(getHostKeyVerification()))
                .checkMode(isCheckMode())
                .commandTimeoutSeconds(getCommandTimeoutSeconds())
                .connectTimeoutSeconds(getConnectTimeoutSeconds())
                .failOnWarning(isFailOnWarning())
                .reportOnly(isReportOnly());
    }
}
