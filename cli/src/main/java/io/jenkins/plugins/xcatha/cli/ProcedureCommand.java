package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.report.ArtifactDirectory;
import io.jenkins.plugins.xcatha.report.JsonReportWriter;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.SummaryWriter;
import io.jenkins.plugins.xcatha.run.ProcedureSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What standby-prepare and db-backup share: validate every option before touching a host, connect, run with
 * live progress, print the result, write the artifacts, and map the result to the exit code.
 */
abstract class ProcedureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RunOptions run;

    /** {@code standby-prepare}, {@code db-backup}: the artifact folder's name. */
    abstract String procedureId();

    /** The nodes by role, parsed from the options (InvalidInputException names the option). */
    abstract Map<Node.Role, HostAndPort> hosts();

    /**
     * The procedure for these options. {@code artifactDirectory} is this run's artifact folder, or null
     * without {@code --out}; it is called once with a folder not yet taken, to validate before anything
     * is created.
     */
    abstract Procedure procedure(Path artifactDirectory);

    @Override
    public Integer call() throws Exception {
        connection.validate();
        Map<Node.Role, HostAndPort> hosts = hosts();
        procedure(run.out == null ? null : run.out.resolve(ArtifactDirectory.ROOT).resolve(procedureId()));
        String passphrase = connection.passphrase();
        Redactor redactor = new Redactor();
        redactor.add(passphrase);
        return Signals.interruptOnSignal(() -> execute(hosts, passphrase, redactor));
    }

    private int execute(Map<Node.Role, HostAndPort> hosts, String passphrase, Redactor redactor) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progressOut = run.json ? spec.commandLine().getErr() : out;
        Path directory = run.out == null ? null : ArtifactDirectory.allocate(run.out, procedureId());
        Procedure procedure = procedure(directory);
        Mode mode = run.check ? Mode.CHECK : Mode.APPLY;
        progressOut.println(header(hosts, mode));
        progressOut.flush();
        ProcedureSession.Finished finished;
        try (ProgressPrinter progress = new ProgressPrinter(progressOut, ProgressPrinter.onTerminal())) {
            ShellFactory shells = new ShellFactory(connection, passphrase, progress::message);
            ProcedureSession session = ProcedureSession.of(procedure).mode(mode).redactor(redactor).progress(progress);
            hosts.forEach((role, host) -> session.node(role, host.toString(), shells.opener(host)));
            if (directory != null) {
                session.artifactsInto(directory);
            }
            finished = session.run();
        }
        ProcedureReport report = finished.report();
        progressOut.println();
        progressOut.print(new SummaryWriter().footer(report));
        if (finished.artifacts() != null) {
            progressOut.println("Artifacts: " + finished.artifacts().directory());
        }
        progressOut.flush();
        if (run.json) {
            out.println(new JsonReportWriter().toJson(report));
            out.flush();
        }
        if (Thread.currentThread().isInterrupted()) {
            return ExitCode.FAILURE;
        }
        return ExitCode.of(report.result(), run.failOnWarning);
    }

    private String header(Map<Node.Role, HostAndPort> hosts, Mode mode) {
        StringJoiner nodes = new StringJoiner(", ");
        hosts.forEach((role, host) -> nodes.add(role.id() + " " + host));
        return "xcat-ha " + procedureId() + " (" + mode.id() + "): " + nodes + " via "
                + ConnectionOptions.name(connection.effectiveTransport());
    }
}
