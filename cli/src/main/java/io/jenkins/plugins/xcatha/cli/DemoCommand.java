package io.jenkins.plugins.xcatha.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.report.ArtifactDirectory;
import io.jenkins.plugins.xcatha.report.JsonReportWriter;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.run.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        header = "The offline main job: the procedures against a simulated pair, in under a minute.",
                versionProvider = Version.class,
        description = {
            "The whole product on one machine, offline: starts a simulated xCAT primary and standby, runs"
                    + " standby-prepare in check mode, then for real, then again to show that nothing changes the"
                    + " second time, then db-backup (collecting the backup); deletes three nodes from nodelist as a"
                    + " mistake would, then db-restore in check mode and for real from the collected archive; then a"
                    + " planned failover (check mode, then for real) and standby-prepare with the roles swapped, which"
                    + " makes the old primary the standby; prints each result and where the artifacts are, and tears"
                    + " the nodes down.",
            "",
            "Needs root, OpenSSH (server and client) and util-linux; takes well under a minute.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xcat-ha demo",
            "  xcat-ha demo --flavour aix7 --engine db2 --out /tmp/demo",
            "  xcat-ha demo --transport trilead",
            "",
            "Exit codes: 0 every run as expected, 1 a run failed or the second apply changed something,",
            "3 a run was UNSTABLE, 4 this machine cannot run simulated nodes (the message says what to install)."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulatedPairOptions nodes;

    @Option(names = "--transport", converter = Converters.TransportConverter.class, paramLabel = "openssh|trilead",
            defaultValue = "openssh",
            description = "The SSH client the runs use (default: ${DEFAULT-VALUE}).")
    Transport transport;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the artifacts go (default: a new folder under the system's temporary directory).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (transport == Transport.LOCAL) {
            throw new UsageException("--transport", "local cannot reach simulated nodes; use openssh or trilead");
        }
        List<NodeSpec> specs = nodes.specs(List.of());
        Path artifacts = out != null ? Files.createDirectories(out)
                : Files.createTempDirectory("xcat-ha-demo-");
        return Signals.interruptOnSignal(() -> demo(specs, artifacts));
    }

    private int demo(List<NodeSpec> specs, Path artifacts) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        long start = System.nanoTime();
        o.println("Starting a simulated primary and standby (" + nodes.flavour.osName() + ", "
                + nodes.engine.name().toLowerCase(Locale.ROOT) + ")...");
        o.flush();
        List<Run> runs = new ArrayList<>();
        try (SimulatedCluster cluster = SimulatedPair.start(specs)) {
            o.println("  primary  " + SimulatedPair.describe(cluster.primary()));
            o.println("  standby  " + SimulatedPair.describe(cluster.standby()));
            o.println("  ready in " + seconds(start));
            List<String> common = new ArrayList<>(SimulatedPair.sshOptions(cluster));
            common.addAll(List.of("--transport", ConnectionOptions.name(transport), "--out", artifacts.toString()));
            List<String> pair = List.of("--primary", cluster.primary().address(), "--standby", cluster.standby().address());

            runs.add(run(o, "1. What would standby-prepare change? (check mode: nothing is changed)", artifacts,
                    args("standby-prepare", pair, common, "--check")));
            runs.add(run(o, "2. standby-prepare for real", artifacts, args("standby-prepare", pair, common)));
            runs.add(run(o, "3. standby-prepare again: a prepared standby needs no change", artifacts,
                    args("standby-prepare", pair, common)));
            Run backup = run(o, "4. db-backup of the primary, collected into the artifacts", artifacts,
                    args("db-backup", List.of("--host", cluster.primary().address()), common, "--collect"));
            runs.add(backup);
            Path archive = collectedArchive(backup);
            if (archive != null && !Thread.currentThread().isInterrupted()) {
                o.println();
                o.println("== A mistake on the primary: three of the four compute nodes deleted from nodelist");
                deleteNodes(cluster);
                List<String> host = List.of("--host", cluster.primary().address());
                runs.add(run(o, "5. What would db-restore bring back? (check mode: nothing is changed)", artifacts,
                        args("db-restore", host, common, "--archive", archive.toString(), "--check")));
                runs.add(run(o, "6. db-restore of the backup taken in 4, from its collected archive", artifacts,
                        args("db-restore", host, common, "--archive", archive.toString())));
            }
            if (!Thread.currentThread().isInterrupted()) {
                o.println();
                o.println("== Maintenance on the primary: the standby takes over, then the old primary becomes the standby");
                List<String> failover = new ArrayList<>(pair);
                failover.addAll(List.of("--virtual-ip", cluster.virtualIp() + "/8", "--interface",
                        cluster.standby().flavour().isAix() ? "en0" : "eth0", "--planned"));
                runs.add(run(o, "7. What would a planned failover do? (check mode: nothing is changed)", artifacts,
                        args("failover", failover, common, "--check")));
                runs.add(run(o, "8. Planned failover: the old primary deactivated, the standby activated", artifacts,
                        args("failover", failover, common)));
                runs.add(run(o, "9. standby-prepare with the roles swapped: the old primary becomes the standby",
                        artifacts, args("standby-prepare", List.of("--primary", cluster.standby().address(), "--standby",
                                cluster.primary().address()), common)));
            }
            if (Thread.currentThread().isInterrupted()) {
                o.println("Interrupted: tearing the simulated nodes down.");
                return ExitCode.FAILURE;
            }
            o.println();
            o.println("Tearing the simulated nodes down.");
            o.flush();
        }
        return conclude(o, runs, artifacts, start);
    }

    private int conclude(PrintWriter o, List<Run> runs, Path artifacts, long start) throws IOException {
        int worst = ExitCode.SUCCESS;
        for (Run r : runs) {
            if (r.exitCode() == ExitCode.FAILURE || r.exitCode() == ExitCode.USAGE) {
                worst = ExitCode.FAILURE;
            } else if (r.exitCode() == ExitCode.UNSTABLE && worst == ExitCode.SUCCESS) {
                worst = ExitCode.UNSTABLE;
            }
        }
        List<String> changedOnRerun = runs.size() > 2 ? runs.get(2).changedSteps() : List.of();
        o.println();
        o.println("Demo summary:");
        for (Run r : runs) {
            o.println("  " + r.result() + "  " + r.title() + (r.directory() == null ? "" : "  -> " + r.directory()));
        }
        if (changedOnRerun.isEmpty()) {
            o.println("Idempotent: the second apply changed nothing.");
        } else {
            o.println("NOT idempotent: the second apply changed " + String.join(", ", changedOnRerun));
            worst = ExitCode.FAILURE;
        }
        o.println("Artifacts (report.json, junit.xml, summary.txt; the collected backup) are in "
                + artifacts.resolve(ArtifactDirectory.ROOT));
        o.println("Finished in " + seconds(start) + ".");
        o.flush();
        return worst;
    }

    /** The .tar.gz db-backup collected, or null when it did not. */
    private static Path collectedArchive(Run backup) throws IOException {
        if (backup.directory() == null || backup.exitCode() != ExitCode.SUCCESS) {
            return null;
        }
        try (Stream<Path> files = Files.list(backup.directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).findFirst().orElse(null);
        }
    }

    /** What an administrator's slip does to the primary's database: rows of nodelist gone (as rmdef would). */
    private static void deleteNodes(SimulatedCluster cluster) {
        cluster.primary().keepRows("nodelist", 1);
    }

    private static List<String> args(String command, List<String> hosts, List<String> common, String... extra) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(hosts);
        args.addAll(common);
        args.addAll(List.of(extra));
        return args;
    }

    /** Runs one command exactly as a user would type it, and finds the artifact folder it wrote. */
    private Run run(PrintWriter o, String title, Path artifacts, List<String> args) throws IOException {
        o.println();
        o.println("== " + title);
        o.println("$ xcat-ha " + String.join(" ", args));
        o.flush();
        Set<Path> before = folders(artifacts);
        int code = XcatHa.commandLine(o, spec.commandLine().getErr()).execute(args.toArray(new String[0]));
        Set<Path> after = folders(artifacts);
        after.removeAll(before);
        Path directory = after.isEmpty() ? null : after.iterator().next();
        return new Run(title, code, directory);
    }

    private static Set<Path> folders(Path artifacts) throws IOException {
        Path root = artifacts.resolve(ArtifactDirectory.ROOT);
        if (!Files.isDirectory(root)) {
            return new HashSet<>();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private record Run(String title, int exitCode, Path directory) {
        String result() {
            return switch (exitCode) {
                case ExitCode.SUCCESS -> "SUCCESS ";
                case ExitCode.UNSTABLE -> "UNSTABLE";
                default -> "FAILURE ";
            };
        }

        /** Steps whose status was CHANGED, from the run's report.json. */
        List<String> changedSteps() throws IOException {
            List<String> changed = new ArrayList<>();
            if (directory == null) {
                changed.add("(no report written)");
                return changed;
            }
            JsonNode report = new ObjectMapper().readTree(directory.resolve(JsonReportWriter.FILE_NAME).toFile());
            for (JsonNode step : report.get("steps")) {
                if ("CHANGED".equals(step.get("status").asText())) {
                    changed.add(step.get("id").asText());
                }
            }
            return changed;
        }
    }
}
