package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.testkit.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The offline main job, run as a user runs it. */
public class DemoCommandTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test(timeout = 900_000)
    public void demoPreparesTheStandbyIdempotentlyBacksUpAndLeavesParseableArtifacts() throws Exception {
        Assume.assumeTrue("simulated nodes cannot run here: " + Environment.problem(), Environment.problem() == null);
        Path out = tmp.getRoot().toPath();

        Cli cli = Cli.run("demo", "--out", out.toString());

        assertThat(cli.toString(), cli.exitCode, is(ExitCode.SUCCESS));
        assertThat(cli.out, containsString("Idempotent: the second apply changed nothing."));
        assertThat(cli.out, containsString("Tearing the simulated nodes down."));
        assertThat(mode(out, "standby-prepare"), is("check"));
        assertThat(statuses(out, "standby-prepare"), containsString("CHANGED"));
        assertThat(statuses(out, "standby-prepare-2"), containsString("CHANGED"));
        assertThat(statuses(out, "standby-prepare-3"), not(containsString("CHANGED")));
        assertThat(statuses(out, "db-backup"), not(containsString("FAILED")));
        try (Stream<Path> files = Files.list(out.resolve("xcat-ha/db-backup"))) {
            assertThat("the collected backup is among the artifacts",
                    files.anyMatch(p -> p.getFileName().toString().endsWith(".tar.gz")), is(true));
        }
        assertThat(mode(out, "failover"), is("check"));
        assertThat(statuses(out, "failover-2"), containsString("virtual-ip=CHANGED"));
        assertThat(statuses(out, "failover-2"), not(containsString("FAILED")));
        assertThat(statuses(out, "standby-prepare-4"), not(containsString("FAILED")));
        assertThat(cli.out, not(containsString("BEGIN RSA PRIVATE KEY")));
    }

    private static JsonNode report(Path out, String folder) throws Exception {
        return new ObjectMapper().readTree(out.resolve("xcat-ha").resolve(folder).resolve("report.json").toFile());
    }

    private static String mode(Path out, String folder) throws Exception {
        return report(out, folder).get("mode").asText();
    }

    private static String statuses(Path out, String folder) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (JsonNode step : report(out, folder).get("steps")) {
            statuses.add(step.get("id").asText() + "=" + step.get("status").asText());
        }
        return String.join(" ", statuses);
    }
}
