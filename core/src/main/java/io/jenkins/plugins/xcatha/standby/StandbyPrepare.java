package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.report.Mode;
import java.util.List;

/**
 * The standby-prepare procedure (Pipeline step xcatStandbyPrepare, CLI {@code xcat-ha standby-prepare}):
 * prepares the standby of an xCAT HA management node pair as the HAMN docs describe, without ever acting
 * on the active management node. Run it with {@link io.jenkins.plugins.xcatha.procedure.ProcedureRunner}
 * against a cluster of primary and standby, in {@link #mode(StandbyPrepareOptions)}.
 */
public final class StandbyPrepare {
    public static final String ID = "standby-prepare";
    /** The step ids, in order (a contract: reports, dashboards and Jenkinsfiles use them). */
    public static final List<String> STEP_IDS = List.of(PreflightStep.ID, DatabaseEngineStep.ID, SharedDataStep.ID,
            XcatdVerifyStep.ID, NameResolutionStep.ID, SshTrustStep.ID, TimeSyncStep.ID, StopXcatServicesStep.ID,
            StopHpcDaemonsStep.ID, BackupDatabaseStep.ID);

    private StandbyPrepare() {
    }

    /**
     * Validates the options (before any host is touched) and builds the procedure.
     *
     * @throws io.jenkins.plugins.xcatha.config.InvalidInputException naming the bad field and its value
     */
    public static Procedure procedure(StandbyPrepareOptions options) {
        options.validate();
        return new Procedure(ID, List.of(
                new PreflightStep(options),
                new DatabaseEngineStep(),
                new SharedDataStep(options),
                new XcatdVerifyStep(),
                new NameResolutionStep(),
                new SshTrustStep(options),
                new TimeSyncStep(options),
                new StopXcatServicesStep(),
                new StopHpcDaemonsStep(options),
                new BackupDatabaseStep(options)));
    }

    /** The two management nodes as the user named them (HOST or HOST:PORT), checked before any connection. */
    public record Targets(HostAndPort primary, HostAndPort standby) {
    }

    /**
     * Validates the primary and standby given by the user (Pipeline parameters {@code primary} and
     * {@code standby}) before anything connects to them.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public static Targets targets(String primary, String standby) {
        HostAndPort p = HostAndPort.parse("primary", primary, HostAndPort.SSH_PORT);
        HostAndPort s = HostAndPort.parse("standby", standby, HostAndPort.SSH_PORT);
        if (p.equals(s)) {
            throw new InvalidInputException("standby", "'" + standby + "' is the primary too: give two different"
                    + " management nodes");
        }
        return new Targets(p, s);
    }

    public static Mode mode(StandbyPrepareOptions options) {
        return options.checkMode() ? Mode.CHECK : Mode.APPLY;
    }
}
