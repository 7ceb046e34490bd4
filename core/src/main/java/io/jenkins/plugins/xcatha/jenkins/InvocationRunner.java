package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.backup.DbBackup;
import io.jenkins.plugins.xcatha.backup.DbRestore;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.failover.Failover;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.local.LocalShell;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.Redactor;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.SummaryWriter;
import io.jenkins.plugins.xcatha.run.ProcedureSession;
import io.jenkins.plugins.xcatha.run.ShellOpener;
import io.jenkins.plugins.xcatha.run.Shells;
import io.jenkins.plugins.xcatha.run.Transport;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's side of a step: turns an {@link Invocation} and the key handed over as char arrays into the
 * shared run ({@link ProcedureSession}, as the CLI runs it): Trilead SSH to each node with the chosen host-key
 * policy, or this machine for a local run; progress in the build log; report.json, junit.xml, summary.txt
 * (and db-backup's collected archive) in the invocation's workspace folder. The key arrays are wiped before
 * this returns, whatever happens. An interrupt (the build was stopped) closes the shells and still writes
 * and returns the report.
 */
public final class InvocationRunner {

    private InvocationRunner() {
    }

    /**
     * @param key        the private key (PEM) or null for a local db-backup; wiped on return
     * @param passphrase the key's passphrase or null; wiped on return
     * @param log        the build log
     * @param workspace  the workspace on this agent
     * @param folder     the invocation's artifact folder, relative to the workspace (e.g. {@code xcat-ha/db-backup-2})
     * @throws InvalidInputException naming the field when the input cannot be run (nothing was connected)
     * @throws IOException           when the artifacts cannot be written
     */
    public static RunOutcome run(Invocation invocation, char[] key, char[] passphrase, PrintStream log,
                                 Path workspace, String folder) throws IOException {
        SshCredentials credentials = null;
        try {
            Path directory = folderIn(workspace, folder);
            Redactor redactor = new Redactor();
            if (passphrase != null && passphrase.length > 0) {
                redactor.add(new String(passphrase));
            }
            credentials = credentials(invocation, key, passphrase);
            Facts facts = new Facts();
            Procedure procedure = procedure(invocation, directory, workspace);
            ProcedureSession session = ProcedureSession.of(procedure)
                    .mode(invocation.checkMode() ? Mode.CHECK : Mode.APPLY)
                    .redactor(redactor)
                    .progress(new BuildLogProgress(log))
                    .facts(facts);
            Openers openers = new Openers(invocation, credentials, log);
            session.node(Node.Role.PRIMARY, primaryName(invocation), invocation.local() ? openers.local()
                    : openers.ssh(invocation.primaryAddress()));
            if (invocation.standby() != null) {
                session.node(Node.Role.STANDBY, invocation.standby(), openers.ssh(invocation.standbyAddress()));
            }
            Files.createDirectories(directory);
            ProcedureSession.Finished finished = session.artifactsInto(directory).run();
            ProcedureReport report = finished.report();

            Map<String, String> artifacts = new LinkedHashMap<>(finished.artifacts().relativeTo(workspace));
            facts.get(DbBackup.COLLECTED_ARCHIVE).filter(Files::isRegularFile).ifPresent(archive -> {
                String relative = workspace.relativize(archive).toString().replace('\\', '/');
                artifacts.put(relative, relative);
            });
            log.println();
            log.print(new SummaryWriter().footer(report));
            log.println("Artifacts: " + folder);
            log.flush();
            return RunOutcome.of(report, invocation.failOnWarning(), invocation.reportOnly(), folder, artifacts,
                    backupNames(invocation, facts));
        } finally {
            if (credentials != null) {
                credentials.destroy();
            }
            wipe(key);
            wipe(passphrase);
        }
    }

    private static Procedure procedure(Invocation invocation, Path directory, Path workspace) {
        return switch (invocation.procedure()) {
            case STANDBY_PREPARE -> StandbyPrepare.procedure(invocation.standbyPrepareOptions(directory));
            case DB_BACKUP -> DbBackup.procedure(invocation.dbBackupOptions(directory));
            case DB_RESTORE -> DbRestore.procedure(invocation.dbRestoreOptions(workspace));
            case FAILOVER -> Failover.procedure(invocation.failoverOptions());
        };
    }

    /** The backups the run named, as the Pipeline step returns them. */
    private static Map<String, String> backupNames(Invocation invocation, Facts facts) {
        Map<String, String> names = new LinkedHashMap<>();
        if (invocation.procedure() == Invocation.Procedure.DB_RESTORE) {
            facts.get(DbRestore.RESTORED_BACKUP).ifPresent(name -> names.put("restoredBackup", name));
            facts.get(DbRestore.SAFETY_BACKUP_NAME).ifPresent(name -> names.put("safetyBackup", name));
        } else {
            facts.get(DbBackup.BACKUP_PATH).flatMap(path -> facts.get(DbBackup.BACKUP_NAME))
                    .ifPresent(name -> names.put("backup", name));
        }
        return names;
    }

    /** The folder must stay inside the workspace: it is created and written to. */
    static Path folderIn(Path workspace, String folder) {
        if (folder == null || folder.isBlank() || Path.of(folder).isAbsolute()) {
            throw new InvalidInputException("artifact folder", "'" + folder + "' is not a folder inside the workspace");
        }
        Path base = workspace.toAbsolutePath().normalize();
        Path directory = base.resolve(folder).normalize();
        if (!directory.startsWith(base) || directory.equals(base)) {
            throw new InvalidInputException("artifact folder", "'" + folder + "' is not a folder inside the workspace");
        }
        return directory;
    }

    private static SshCredentials credentials(Invocation invocation, char[] key, char[] passphrase) {
        boolean needsSsh = !invocation.local() || invocation.standby() != null;
        if (key == null || key.length == 0) {
            if (needsSsh) {
                throw new InvalidInputException("credentialsId", "an SSH private key is needed to reach "
                        + (invocation.local() ? invocation.standby() : invocation.primary()));
            }
            return null;
        }
        try {
            return SshCredentials.privateKey(invocation.user(), key, passphrase);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("credentialsId", e.getMessage());
        }
    }

    private static String primaryName(Invocation invocation) {
        return invocation.primary() != null ? invocation.primary() : "localhost";
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /** Opens the node shells the way the agent reaches its nodes. */
    private static final class Openers {
        private final SshCredentials credentials;
        private final HostKeyVerification hostKeys;
        private final ShellSettings settings;
        private final String localName;

        Openers(Invocation invocation, SshCredentials credentials, PrintStream log) {
            this.credentials = credentials;
            this.hostKeys = invocation.hostKey().verification(line -> {
                log.println(BuildLogProgress.PREFIX + line);
                log.flush();
            });
            this.settings = Shells.settings(invocation.connectTimeoutSeconds(), invocation.commandTimeoutSeconds());
            this.localName = primaryName(invocation);
        }

        ShellOpener local() {
            return () -> new LocalShell(localName, List.of(), settings);
        }

        /**
         * Trilead, so that the agent needs no ssh binary; connects at once, so that a refused key or host key
         * fails the preflight with its reason.
         */
        ShellOpener ssh(HostAndPort address) {
            return new Shells(Transport.TRILEAD, credentials, hostKeys, settings).opener(address);
        }
    }
}
