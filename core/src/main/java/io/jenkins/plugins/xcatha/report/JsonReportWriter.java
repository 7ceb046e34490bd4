package io.jenkins.plugins.xcatha.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code report.json}, schema {@value ProcedureReport#SCHEMA}. The fields and their order are a contract
 * (DESIGN.md "Artifacts"); the tree is built by hand so that renaming a record component can never change
 * the file. {@code aborted} is the one field beyond the contract.
 */
public final class JsonReportWriter {
    public static final String FILE_NAME = "report.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode toTree(ProcedureReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", ProcedureReport.SCHEMA);
        root.put("procedure", report.procedure());
        root.put("mode", report.mode().id());
        root.put("result", report.result().name());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMs", report.durationMs());
        ObjectNode hosts = root.putObject("hosts");
        for (Map.Entry<String, String> host : report.hosts().entrySet()) {
            hosts.put(host.getKey(), host.getValue());
        }
        ArrayNode steps = root.putArray("steps");
        for (StepResult step : report.steps()) {
            ObjectNode s = steps.addObject();
            s.put("id", step.id());
            s.put("title", step.title());
            s.put("host", step.host());
            s.put("status", step.status().name());
            s.put("message", step.message());
            s.put("durationMs", step.durationMs());
            ArrayNode commands = s.putArray("commands");
            for (CommandRecord command : step.commands()) {
                ObjectNode c = commands.addObject();
                c.put("host", command.host());
                c.put("command", command.command());
                if (command.exitCode() == null) {
                    c.putNull("exitCode");
                } else {
                    c.put("exitCode", command.exitCode().intValue());
                }
                c.put("durationMs", command.durationMs());
                c.put("stdout", command.stdout());
                c.put("stderr", command.stderr());
            }
        }
        root.put("aborted", report.aborted());
        return root;
    }

    public String toJson(ProcedureReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report on one line, for {@code --json} on a terminal or a pipe. */
    public String toCompactJson(ProcedureReport report) {
        return toTree(report).toString();
    }

    public void write(ProcedureReport report, Path file) throws IOException {
        AtomicFiles.write(file, (toJson(report) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
