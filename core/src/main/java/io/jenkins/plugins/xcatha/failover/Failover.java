package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.report.Mode;
import java.util.List;

/**
 * The failover procedure (Pipeline step xcatFailover, CLI {@code xcat-ha failover}): the standby of an xCAT HA
 * management node pair becomes the active management node, planned (the reachable old primary deactivated first) or
 * unplanned (the old primary stated down), and never while the old primary still serves. Run it with
 * {@link io.jenkins.plugins.xcatha.procedure.ProcedureRunner} (or a ProcedureSession) against a cluster whose
 * primary is the old primary and whose standby is the node to activate, in {@link #mode(FailoverOptions)}.
 */
public final class Failover {
    public static final String ID = "failover";
    /** The step ids, in order (a contract: reports, dashboards and Jenkinsfiles use them). */
    public static final List<String> STEP_IDS = List.of(PreflightStep.ID, DeactivatePrimaryStep.ID, VirtualIpStep.ID,
            SharedDataStep.ID, DatabaseStep.ID, StartXcatdStep.ID, NetworkServicesStep.ID, StartHpcDaemonsStep.ID,
            VerifyStep.ID);

    private Failover() {
    }

    /**
     * Validates the options (before any host is touched) and builds the procedure.
     *
     * @throws io.jenkins.plugins.xcatha.config.InvalidInputException naming the bad field and its value
     */
    public static Procedure procedure(FailoverOptions options) {
        options.validate();
        return new Procedure(ID, List.of(
                new PreflightStep(options),
                new DeactivatePrimaryStep(options),
                new VirtualIpStep(options),
                new SharedDataStep(options),
                new DatabaseStep(options),
                new StartXcatdStep(options),
                new NetworkServicesStep(),
                new StartHpcDaemonsStep(options),
                new VerifyStep(options)));
    }

    public static Mode mode(FailoverOptions options) {
        return options.checkMode() ? Mode.CHECK : Mode.APPLY;
    }
}
