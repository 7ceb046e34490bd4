package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;

/**
 * standby-prepare end to end through the command line against one simulated pair whose standby clock is not
 * synchronised (time-sync: WARNING). Every run is in check mode, so the pair stays as it started.
 */
public class ProcedureCommandsTest {
    @ClassRule
    public static final SimulatedClusterRule SIM = new SimulatedClusterRule(
            NodeSpec.node("primary").flavour(Flavour.RHEL9).engine(DbEngine.SQLITE),
            NodeSpec.node("standby").flavour(Flavour.RHEL9).engine(DbEngine.SQLITE)
                    .fault(Fault.clockUnsynchronised()));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static List<String> standbyPrepare(String transport, String... extra) {
        SimulatedCluster cluster = SIM.cluster();
        List<String> args = new ArrayList<>(List.of("standby-prepare", "--primary", cluster.primary().address(),
                "--standby", cluster.standby().address(), "--transport", transport, "--check"));
        args.addAll(SimulatedPair.sshOptions(cluster));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    public void warningGivesExitThreeAndParseableArtifacts() throws Exception {
        Path out = tmp.getRoot().toPath();

        Cli cli = Cli.run(standbyPrepare("trilead", "--out", out.toString()).toArray(new String[0]));

        assertThat(cli.toString(), cli.exitCode, is(ExitCode.UNSTABLE));
        assertThat(cli.out, containsString("time-sync            WARNING"));
        assertThat(cli.out, containsString("Result: UNSTABLE"));
        Path folder = out.resolve("xcat-ha/standby-prepare");
        assertThat(cli.out, containsString("Artifacts: " + folder));
        JsonNode report = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
        assertThat(report.get("result").asText(), is("UNSTABLE"));
        assertThat(report.get("mode").asText(), is("check"));
        assertThat(report.get("hosts").get("standby").asText(), is(SIM.standby().address()));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(folder.resolve("junit.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("tests"), is("10"));
        assertThat(junit.getDocumentElement().getAttribute("failures"), is("0"));
        assertThat(Files.readString(folder.resolve("summary.txt")), containsString("time-sync"));
    }

    @Test
    public void failOnWarningGivesExitOneAndJsonGoesToStdoutAlone() throws Exception {
        Cli cli = Cli.run(standbyPrepare("openssh", "--json", "--fail-on-warning").toArray(new String[0]));

        assertThat(cli.toString(), cli.exitCode, is(ExitCode.FAILURE));
        JsonNode report = new ObjectMapper().readTree(cli.out);
        assertThat(report.get("schema").asText(), is("xcat-ha/report/v1"));
        assertThat(report.get("result").asText(), is("UNSTABLE"));
        assertThat(cli.err, containsString("[ 7/10] time-sync"));
    }

    @Test
    public void unknownHostKeyFailsPreflightAndSkipsTheRest() {
        Cli cli = Cli.run("standby-prepare", "--primary", SIM.primary().address(), "--standby",
                SIM.standby().address(), "--transport", "trilead",
                "--identity", SIM.cluster().clientKey().privateKeyFile().toString(),
                "--host-key", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--check");

        assertThat(cli.toString(), cli.exitCode, is(ExitCode.FAILURE));
        assertThat(cli.out, containsString("preflight            FAILED"));
        assertThat(cli.out, containsString("host key"));
        assertThat(cli.out, containsString("[10/10] backup-database      SKIPPED"));
    }

    @Test
    public void wrongPassphraseFailsWithoutEverPrintingIt() throws Exception {
        String passphrase = "not-the-Passphrase-42";
        Path file = tmp.newFile("passphrase").toPath();
        Files.writeString(file, passphrase + "\n");

        Cli cli = Cli.run("standby-prepare", "--primary", SIM.primary().address(), "--standby",
                SIM.standby().address(), "--transport", "trilead",
                "--identity", SIM.cluster().encryptedClientKey().privateKeyFile().toString(),
                "--passphrase-file", file.toString(),
                "--known-hosts", SIM.cluster().knownHostsFile().toString(), "--check", "--json",
                "--out", tmp.getRoot().getPath());

        assertThat(cli.toString(), cli.exitCode, is(ExitCode.FAILURE));
        assertThat(cli.err, containsString("authentication"));
        assertThat(cli.out + cli.err, not(containsString(passphrase)));
        for (String name : List.of("report.json", "junit.xml", "summary.txt")) {
            String artifact = Files.readString(tmp.getRoot().toPath().resolve("xcat-ha/standby-prepare/" + name));
            assertThat(name, artifact, not(containsString(passphrase)));
        }
    }

    @Test
    public void unreachableHostExitsOneNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path knownHosts = tmp.newFile("known_hosts").toPath();

        Cli cli = Cli.run("standby-prepare", "--primary", "127.0.0.1:" + closedPort, "--standby",
                SIM.standby().address(), "--transport", "trilead", "--connect-timeout", "5",
                "--identity", SIM.cluster().clientKey().privateKeyFile().toString(),
                "--known-hosts", knownHosts.toString(), "--check");

        assertThat(cli.toString(), cli.exitCode, is(ExitCode.FAILURE));
        assertThat(cli.out, containsString("127.0.0.1:" + closedPort));
        assertThat(cli.out, containsString("preflight            FAILED"));
    }
}
