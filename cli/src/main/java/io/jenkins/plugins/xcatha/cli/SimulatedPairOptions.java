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

    /**
     * The two nodes with {@code faults} injected. Bad input is reported first (exit 2), then a machine that
     * cannot run simulated nodes (exit 4).
     */
    List<NodeSpec> specs(List<String> faults) {
        List<NodeSpec> specs = SimulatedPair.specs(flavour, engine, faults);
        SimulatedPair.requireUsableMachine();
        return specs;
    }
}
