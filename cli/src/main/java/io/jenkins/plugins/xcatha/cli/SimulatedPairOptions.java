package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** What the simulated primary and standby run: the options of {@code simulate}, shared with {@code demo}. */
final class SimulatedPairOptions {
    @Option(names = "--flavour", paramLabel = "F", defaultValue = "rhel9",
            converter = Converters.FlavourConverter.class,
            description = "rhel9, rhel7, sles15, ubuntu22, ubuntu24 or aix7 (default: ${DEFAULT-VALUE}).")
    Flavour flavour;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "sqlite", converter = Converters.EngineConverter.class,
            description = "sqlite, mysql, postgresql or db2 (default: ${DEFAULT-VALUE}).")
    DbEngine engine;

    @Option(names = "--fresh-node",
            description = "Both nodes as just initialised with xcatconfig: the passwd table has no row yet.")
    boolean fresh;

    @Option(names = "--real-durations",
            description = "dumpxCATdb and restorexCATdb take as long as on a real node (a dump about 68 s, with"
                    + " XCATBYPASS about 141 s, a restore about 93 s).")
    boolean realDurations;

    /**
     * The two nodes with {@code faults} injected. Bad input is reported first (exit 2), then a machine that
     * cannot run simulated nodes (exit 4).
     */
    List<NodeSpec> specs(List<String> faults) {
        List<NodeSpec> specs = SimulatedPair.specs(flavour, engine, faults);
        specs.forEach(spec -> spec.fresh(fresh).realDurations(realDurations));
        SimulatedPair.requireUsableMachine();
        return specs;
    }
}
