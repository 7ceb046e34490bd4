package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.StepResult;
import io.jenkins.plugins.xcatha.run.ProcedureSession;
import io.jenkins.plugins.xcatha.run.ShellOpener;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of a procedure through {@link ProcedureSession}, the helper the CLI and the plugin use: connect
 * to every node, run, close. The clock covers all of it, handshakes included.
 */
record EngineRun(long millis, ProcedureReport report, List<RecordedCommand> commands, int handshakes) {

    static EngineRun run(SimulatedCluster cluster, Variant variant, Procedure procedure, boolean withStandby)
            throws IOException {
        List<RecordedCommand> log = Collections.synchronizedList(new ArrayList<>());
        ProcedureSession session = ProcedureSession.of(procedure).mode(Mode.APPLY);
        for (Node.Role role : withStandby ? List.of(Node.Role.PRIMARY, Node.Role.STANDBY) : List.of(Node.Role.PRIMARY)) {
            ShellOpener opener = Lab.opener(cluster, role, variant);
            session.node(role, Lab.node(cluster, role).hostname(), () -> new RecordingShell(role, opener.open(), log));
        }
        long start = System.nanoTime();
        ProcedureSession.Finished finished = session.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        int handshakes = variant == Variant.CONNECTION_PER_COMMAND ? log.size() : withStandby ? 2 : 1;
        return new EngineRun(millis, finished.report(), List.copyOf(log), handshakes);
    }

    List<String> changedSteps() {
        return report.steps().stream().filter(s -> s.status() == Status.CHANGED).map(StepResult::id)
                .collect(Collectors.toList());
    }

    /** Steps that did not end OK/CHANGED/SKIPPED, with their messages: a benchmark of a failing run is void. */
    List<String> problems() {
        return report.steps().stream()
                .filter(s -> s.status() == Status.FAILED || s.status() == Status.WARNING)
                .map(s -> s.id() + " " + s.status() + ": " + s.message()).collect(Collectors.toList());
    }

    String summary() {
        return report.result() + ", " + commands.size() + " commands, " + millis + " ms";
    }
}
