package io.jenkins.plugins.xcatha.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JsonReportWriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    public void reportHasTheContractFieldsInOrder() throws Exception {
        JsonNode json = mapper.readTree(new JsonReportWriter().toJson(SampleReports.standbyPrepare()));

        assertThat(fieldNames(json), contains("schema", "procedure", "mode", "result", "startedAt", "durationMs",
                "hosts", "steps", "aborted"));
        assertThat(json.get("schema").asText(), is("xcat-ha/report/v1"));
        assertThat(json.get("procedure").asText(), is("standby-prepare"));
        assertThat(json.get("mode").asText(), is("apply"));
        assertThat(json.get("result").asText(), is("FAILURE"));
        assertThat(json.get("startedAt").asText(), is("2025-03-01T10:15:30.250Z"));
        assertThat(json.get("durationMs").asLong(), is(2345L));
        assertThat(fieldNames(json.get("hosts")), contains("primary", "standby"));
        assertThat(json.get("hosts").get("standby").asText(), is("mn2"));
        JsonNode step = json.get("steps").get(3);
        assertThat(fieldNames(step), contains("id", "title", "host", "status", "message", "durationMs", "commands"));
        assertThat(step.get("status").asText(), is("FAILED"));
        assertThat(fieldNames(step.get("commands").get(0)),
                contains("host", "command", "exitCode", "durationMs", "stdout", "stderr"));
    }

    @Test
    public void hostileOutputSurvivesTheRoundTrip() throws Exception {
        JsonNode json = mapper.readTree(new JsonReportWriter().toJson(SampleReports.standbyPrepare()));

        JsonNode command = json.get("steps").get(3).get("commands").get(0);
        assertThat(command.get("stdout").asText(), is("line1\n" + SampleReports.HOSTILE + "\n"));
        assertThat(json.get("steps").get(3).get("title").asText(), is("Shared data \"not\" mounted <here>"));
    }

    @Test
    public void commandThatDidNotCompleteHasNullExitCode() throws Exception {
        JsonNode json = mapper.readTree(new JsonReportWriter().toJson(SampleReports.standbyPrepare()));

        JsonNode lost = json.get("steps").get(3).get("commands").get(1);
        assertThat(lost.get("exitCode").isNull(), is(true));
        assertThat(lost.get("stderr").asText(), is("root@mn2:22: timeout failed: no answer in 30 s"));
    }

    @Test
    public void dbBackupNamesOnlyThePrimary() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("report.json");
        new JsonReportWriter().write(SampleReports.dbBackup(), file);

        JsonNode json = mapper.readTree(Files.readString(file));
        assertThat(fieldNames(json.get("hosts")), contains("primary"));
        assertThat(json.get("mode").asText(), is("check"));
        assertThat(json.get("result").asText(), is("SUCCESS"));
        assertThat(json.get("steps").size(), equalTo(2));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
