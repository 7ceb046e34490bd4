package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.testkit.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Assume;
import org.junit.Test;

public class SimulateCommandTest {

    @Test(timeout = 180_000)
    public void printsOneJsonLineWhoseKeyAndKnownHostsReachBothNodesAndTearsDownWhenInterrupted() throws Exception {
        Assume.assumeTrue("simulated nodes cannot run here: " + Environment.problem(), Environment.problem() == null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread simulate = new Thread(() -> exit.set(XcatHa.commandLine(new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("simulate", "--json", "--flavour", "ubuntu22",
                "--fault", "standby:clock-skew=30")));
        simulate.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!out.toString().contains("\n") && simulate.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String printed = out.toString();
        assertThat(err.toString(), printed.endsWith("\n") && printed.indexOf('\n') == printed.length() - 1, is(true));
        JsonNode nodes = new ObjectMapper().readTree(printed);
        List<String> fields = new ArrayList<>();
        nodes.get("standby").fieldNames().forEachRemaining(fields::add);
        assertThat(fields, containsInAnyOrder("host", "address", "port", "identity", "knownHosts"));
        assertThat(nodes.get("primary").get("identity"), is(nodes.get("standby").get("identity")));
        assertThat(nodes.get("primary").get("knownHosts"), is(nodes.get("standby").get("knownHosts")));

        for (String role : List.of("primary", "standby")) {
            JsonNode node = nodes.get(role);
            assertThat(ssh(node, "hostname"), is(node.get("host").asText()));
        }
        assertThat(ssh(nodes.get("standby"), "date -u +%s").isEmpty(), is(false));

        Path identity = Path.of(nodes.get("primary").get("identity").asText());
        simulate.interrupt();
        simulate.join(60_000);
        assertThat(exit.get(), is(ExitCode.SUCCESS));
        assertThat("the run directory (keys, node roots) is removed", Files.exists(identity), is(false));
    }

    /** The system ssh client with only what the JSON line gave: strict host-key checking, batch mode. */
    private static String ssh(JsonNode node, String command) throws Exception {
        Process p = new ProcessBuilder("ssh", "-i", node.get("identity").asText(),
                "-o", "UserKnownHostsFile=" + node.get("knownHosts").asText(), "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-p", node.get("port").asText(),
                "root@" + node.get("address").asText(), command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(output, p.waitFor(), is(0));
        assertThat(output, startsWith(output.isEmpty() ? "" : output.substring(0, 1)));
        return output;
    }
}
