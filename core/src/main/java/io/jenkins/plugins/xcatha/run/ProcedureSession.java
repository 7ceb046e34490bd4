package io.jenkins.plugins.xcatha.run;

import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.report.ArtifactWriter;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One invocation of a procedure, the same from the CLI and from a Jenkins step: open the node shells in
 * parallel, run the procedure, close every shell (also on failure or abort), then write the artifacts.
 * A node that cannot be reached does not throw: its commands fail with the connection error, so the
 * report says so in the preflight step and the artifacts are written as for any other failure.
 *
 * <pre>{@code
 * Shells shells = new Shells(Transport.TRILEAD, credentials, HostKeyChoice.knownHosts(file).verification(log::println),
 *         Shells.settings(connectTimeoutSeconds, commandTimeoutSeconds));
 * Finished done = ProcedureSession.of(StandbyPrepare.procedure(options))
 *         .node(Node.Role.PRIMARY, "mn1", shells.opener(HostAndPort.parse("primary", "mn1", 22)))
 *         .node(Node.Role.STANDBY, "mn2", shells.opener(HostAndPort.parse("standby", "mn2", 22)))
 *         .mode(Mode.CHECK).redactor(redactor).progress(listener).artifactsUnder(workspace)
 *         .run();
 * // done.report().result(), done.artifacts().relativeTo(workspace) for ArtifactManager.archive
 * }</pre>
 *
 * <p>An abort interrupts the running step once: its remote command is killed at once, the remaining steps
 * are skipped, and the procedure's finaliser (db-backup: remove the half dump, release the lock) still runs
 * over the open connections. Further interrupts (a second abort, the Jenkins controller collecting the
 * report) do not reach that cleanup; after {@link #CLEANUP_GRACE} the shells are closed regardless, which
 * ends whatever still runs on the nodes.
 */
public final class ProcedureSession {
    /** How long an aborted procedure may clean up over its open connections before they are closed. */
    public static final Duration CLEANUP_GRACE = Duration.ofSeconds(10);

    /** The report, and the artifacts written (null when no artifact folder was asked for). */
    public record Finished(ProcedureReport report, ArtifactWriter.Written artifacts) {
    }

    private record Target(Node.Role role, String name, ShellOpener opener) {
    }

    private final Procedure procedure;
    private final Map<Node.Role, Target> targets = new EnumMap<>(Node.Role.class);
    private Mode mode = Mode.APPLY;
    private Redactor redactor = new Redactor();
    private ProgressListener progress = ProgressListener.NONE;
    private Facts facts = new Facts();
    private Path artifactBase;
    private Path artifactDirectory;
    private Duration cleanupGrace = CLEANUP_GRACE;

    private ProcedureSession(Procedure procedure) {
        this.procedure = Objects.requireNonNull(procedure, "procedure");
    }

    public static ProcedureSession of(Procedure procedure) {
        return new ProcedureSession(procedure);
    }

    /** A node to run on, named as the user named it (it appears so in the report). */
    public ProcedureSession node(Node.Role role, String name, ShellOpener opener) {
        targets.put(role, new Target(role, Objects.requireNonNull(name, "name"), Objects.requireNonNull(opener)));
        return this;
    }

    public ProcedureSession mode(Mode value) {
        this.mode = Objects.requireNonNull(value, "mode");
        return this;
    }

    /** Holds the secrets (passphrase, DB password) to mask; the procedure may add more as it learns them. */
    public ProcedureSession redactor(Redactor value) {
        this.redactor = Objects.requireNonNull(value, "redactor");
        return this;
    }

    public ProcedureSession progress(ProgressListener value) {
        this.progress = Objects.requireNonNull(value, "progress");
        return this;
    }

    /** What the steps learn (e.g. db-backup's collected archive), for the caller to read after {@link #run()}. */
    public ProcedureSession facts(Facts value) {
        this.facts = Objects.requireNonNull(value, "facts");
        return this;
    }

    /** How long an aborted run may clean up before its shells are closed; default {@link #CLEANUP_GRACE}. */
    public ProcedureSession cleanupGrace(Duration value) {
        this.cleanupGrace = Objects.requireNonNull(value, "cleanup grace");
        return this;
    }

    /** Write the artifacts into {@code base/xcat-ha/<procedure-id>[-n]/}, taking the next free folder. */
    public ProcedureSession artifactsUnder(Path base) {
        this.artifactBase = base;
        this.artifactDirectory = null;
        return this;
    }

    /**
     * Write the artifacts into a folder already taken with {@link io.jenkins.plugins.xcatha.report.ArtifactDirectory}
     * (when the procedure itself needs it before the run, e.g. db-backup collecting into it).
     */
    public ProcedureSession artifactsInto(Path directory) {
        this.artifactDirectory = directory;
        this.artifactBase = null;
        return this;
    }

    /**
     * Runs the procedure. An interrupt (abort) ends it as the runner does, with the report still returned,
     * written, and the thread's interrupt flag set again for the caller.
     *
     * @throws IOException only when the artifacts cannot be written
     */
    public Finished run() throws IOException {
        if (!targets.containsKey(Node.Role.PRIMARY)) {
            throw new IllegalStateException("a procedure needs at least the primary node");
        }
        List<RemoteShell> opened = new ArrayList<>();
        ProcedureReport report;
        try {
            Map<Node.Role, RemoteShell> shells = openAll(opened);
            Node primary = new Node(Node.Role.PRIMARY, targets.get(Node.Role.PRIMARY).name(),
                    shells.get(Node.Role.PRIMARY));
            Cluster cluster = targets.containsKey(Node.Role.STANDBY)
                    ? Cluster.of(primary, new Node(Node.Role.STANDBY, targets.get(Node.Role.STANDBY).name(),
                            shells.get(Node.Role.STANDBY)))
                    : Cluster.single(primary);
            report = runShielded(cluster, opened);
        } finally {
            for (RemoteShell shell : opened) {
                closeQuietly(shell);
            }
        }
        if (artifactBase == null && artifactDirectory == null) {
            return new Finished(report, null);
        }
        // File channels refuse to write while the interrupt flag is set; an aborted run still leaves its report.
        boolean interrupted = Thread.interrupted();
        try {
            ArtifactWriter writer = new ArtifactWriter();
            return new Finished(report, artifactDirectory != null ? writer.writeInto(artifactDirectory, report)
                    : writer.write(artifactBase, report));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs the procedure on a thread of its own, so that only the first interrupt of the calling thread
     * reaches it (see the class comment); the calling thread's interrupt flag is set again when the run was
     * aborted.
     */
    private ProcedureReport runShielded(Cluster cluster, List<RemoteShell> opened) {
        CompletableFuture<ProcedureReport> done = new CompletableFuture<>();
        boolean[] runnerInterrupted = new boolean[1];
        // Aborted while connecting: the runner starts with the interrupt, before its first step.
        boolean abortedBeforeStart = Thread.interrupted();
        Thread runner = new Thread(() -> {
            if (abortedBeforeStart) {
                Thread.currentThread().interrupt();
            }
            try {
                ProcedureReport report = new ProcedureRunner().run(procedure, cluster, mode, progress, facts, redactor);
                runnerInterrupted[0] = Thread.interrupted();
                done.complete(report);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "xcat-ha " + procedure.id());
        runner.setDaemon(true);
        runner.start();
        boolean aborted = abortedBeforeStart;
        long deadline = System.nanoTime() + cleanupGrace.toNanos();
        boolean closed = false;
        ProcedureReport report;
        while (true) {
            try {
                report = aborted && !closed
                        ? done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : done.get();
                break;
            } catch (InterruptedException again) {
                if (!aborted) {
                    aborted = true;
                    deadline = System.nanoTime() + cleanupGrace.toNanos();
                    runner.interrupt();
                }
                // Later interrupts would cut the cleanup short; the grace bounds it instead.
            } catch (TimeoutException overran) {
                // Closing the shells ends every remote command, so the runner finishes at once.
                closed = true;
                runner.interrupt();
                for (RemoteShell shell : opened) {
                    closeQuietly(shell);
                }
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof RuntimeException e) {
                    throw e;
                }
                if (failed.getCause() instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(failed.getCause());
            }
        }
        if (aborted || runnerInterrupted[0]) {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    /** Connects to every node at once: two slow handshakes cost the time of one. */
    private Map<Node.Role, RemoteShell> openAll(List<RemoteShell> opened) {
        Map<Node.Role, RemoteShell> shells = new EnumMap<>(Node.Role.class);
        ExecutorService pool = Executors.newFixedThreadPool(targets.size(), r -> {
            Thread t = new Thread(r, "xcat-ha-connect");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Node.Role, Future<RemoteShell>> pending = new EnumMap<>(Node.Role.class);
            for (Target target : targets.values()) {
                pending.put(target.role(), pool.submit(target.opener()::open));
            }
            boolean interrupted = false;
            for (Target target : targets.values()) {
                Future<RemoteShell> future = pending.get(target.role());
                RemoteShell shell;
                try {
                    shell = interrupted ? null : future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    shell = null;
                } catch (ExecutionException e) {
                    shell = unreachable(target, e.getCause());
                }
                if (shell == null) {
                    closeIfOpened(future);
                    shell = new UnreachableShell(target.name(), new ShellException(target.name(),
                            ShellException.Phase.CANCELLED, "aborted while connecting"));
                } else if (!(shell instanceof UnreachableShell)) {
                    opened.add(shell);
                }
                shells.put(target.role(), shell);
            }
            if (interrupted) {
                // The runner sees the flag and reports the run as aborted.
                Thread.currentThread().interrupt();
            }
            return shells;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The preflight step reports the connection error, as the first command it runs fails with it. */
    private static RemoteShell unreachable(Target target, Throwable cause) {
        ShellException why = cause instanceof ShellException se ? se
                : new ShellException(target.name(), ShellException.Phase.CONNECT, String.valueOf(cause.getMessage()),
                        cause);
        return new UnreachableShell(target.name(), why);
    }

    /** A connection that completed just as the run was aborted must not be left open. */
    private static void closeIfOpened(Future<RemoteShell> future) {
        if (!future.cancel(true) && future.isDone()) {
            try {
                closeQuietly(future.get());
            } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
                // nothing was opened
            }
        }
    }

    private static void closeQuietly(RemoteShell shell) {
        try {
            shell.close();
        } catch (RuntimeException e) {
            // Closing is best effort: the run's result is already decided and reported.
        }
    }
}
