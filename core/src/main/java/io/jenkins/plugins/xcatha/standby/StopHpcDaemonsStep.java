package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * "Stop the HPC software daemons like TEAL, CNM, LL and GPFS and modify system configuration to prevent
 * them from being started automatically", on the standby. A product that is not installed is named as
 * such; the step is SKIPPED only when none of the asked ones is installed.
 */
final class StopHpcDaemonsStep extends AbstractStep {
    static final String ID = "stop-hpc-daemons";
    private final StandbyPrepareOptions options;

    StopHpcDaemonsStep(StandbyPrepareOptions options) {
        super(ID, "HPC daemons (" + String.join(", ", options.hpcDaemons()) + ") stopped and disabled on the standby",
                HostScope.STANDBY, PreflightStep.ID, SharedDataStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        if (options.hpcDaemons().isEmpty()) {
            return Outcome.skipped("no HPC daemons asked for (" + options.vocabulary().name("hpcDaemons") + " is none)");
        }
        Node standby = StandbyGuard.standbyOnly(context);
        Platform platform = NodeCommands.platform(context, standby);
        List<String> notInstalled = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String id : options.hpcDaemons()) {
            HpcProduct product = HpcProduct.named(id);
            List<ServiceShutdown.Result> results = product.shutDown(context, standby, platform);
            if (results == null) {
                notInstalled.add(product.displayName());
                continue;
            }
            for (ServiceShutdown.Result r : results) {
                if (r.failed()) {
                    failures.add(r.failure());
                } else if (r.change() != null) {
                    changes.add(product.displayName() + ": " + r.change());
                } else {
                    unchanged.add(product.displayName() + ": " + r.unchanged());
                }
            }
        }
        String absent = notInstalled.isEmpty() ? "" : "not installed: " + String.join(", ", notInstalled);
        List<String> all = new ArrayList<>(failures);
        all.addAll(changes);
        all.addAll(unchanged);
        if (!absent.isEmpty()) {
            all.add(absent);
        }
        String message = "standby " + standby.name() + ": " + String.join("; ", all);
        if (!failures.isEmpty()) {
            return Outcome.failed(message);
        }
        if (!changes.isEmpty()) {
            return Outcome.changed(message);
        }
        if (unchanged.isEmpty()) {
            return Outcome.skipped(message);
        }
        return Outcome.ok(message);
    }
}
