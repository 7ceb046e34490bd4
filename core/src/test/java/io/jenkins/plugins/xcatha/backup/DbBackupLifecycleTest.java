package io.jenkins.plugins.xcatha.backup;

import static io.jenkins.plugins.xcatha.backup.BackupHarness.ROOT;
import static io.jenkins.plugins.xcatha.backup.BackupHarness.list;
import static io.jenkins.plugins.xcatha.report.Status.CHANGED;
import static io.jenkins.plugins.xcatha.report.Status.FAILED;
import static io.jenkins.plugins.xcatha.report.Status.SKIPPED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.report.CommandRecord;
import io.jenkins.plugins.xcatha.report.Mode;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.StepResult;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.NodeSpec;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Retention, concurrency, abort and collect, against one simulated SQLite management node. */
public class DbBackupLifecycleTest {
    private static final String OUR_METADATA = "{\"schema\":\"xcat-ha/db-backup/v1\",\"name\":\"old\"}\n";
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(NodeSpec.node("primary"));
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Instant nodeNow() {
        return Instant.ofEpochSecond(Long.parseLong(sim.primary().observe("date", "-u", "+%s").stdout().strip()));
    }

    private String seedOurs(Instant when) {
        String name = BackupName.at(when, 1).value();
        sim.primary().writeFile(ROOT + "/" + name + "/site.csv", "#key,value,comments,disable\n");
        sim.primary().writeFile(ROOT + "/" + name + ".sha256", "");
        sim.primary().writeFile(ROOT + "/" + name + ".json", OUR_METADATA);
        return name;
    }

    @Test
    public void retentionRemovesExactlyWhatItShouldAndSaysSo() {
        Instant now = nodeNow();
        String tenDays = seedOurs(now.minusSeconds(10 * 86400));
        String twentyDays = seedOurs(now.minusSeconds(20 * 86400));
        String thirtyDays = seedOurs(now.minusSeconds(30 * 86400));
        String future = seedOurs(Instant.parse("2099-01-01T00:00:00Z"));
        String notOurs = BackupName.at(now.minusSeconds(40 * 86400), 1).value();
        sim.primary().writeFile(ROOT + "/" + notOurs + "/site.csv", "#key\n");
        sim.primary().writeFile(ROOT + "/" + notOurs + ".json", "{\"schema\":\"someone-else\"}\n");
        sim.primary().writeFile(ROOT + "/xcatdb-latest/site.csv", "#key\n");
        sim.primary().writeFile(ROOT + "/nightly-2020-01-01/site.csv", "#key\n");
        String oldPartial = ".partial-" + BackupName.at(now.minusSeconds(3 * 86400), 1).value();
        String youngPartial = ".partial-" + BackupName.at(now.minusSeconds(3600), 1).value();
        sim.primary().writeFile(ROOT + "/" + oldPartial + "/site.csv", "#key\n");
        sim.primary().writeFile(ROOT + "/" + youngPartial + "/site.csv", "#key\n");
        DbBackupOptions keepTwo = DbBackupOptions.builder().keep(2).build();

        BackupHarness.Run check = BackupHarness.run(sim.cluster(), sim.primary(), keepTwo, Mode.CHECK);
        assertThat(check.toString(), check.status(DbBackup.RETENTION), is(CHANGED));
        assertThat(check.message(DbBackup.RETENTION), allOf(startsWith("would remove 2: "),
                containsString(thirtyDays + " (beyond the newest 2)"),
                containsString(oldPartial + " (half-written dump older than 24 hours)")));
        assertThat(sim.primary().fileExists(ROOT + "/" + thirtyDays), is(true));

        BackupHarness.Run run = BackupHarness.run(sim.cluster(), sim.primary(), keepTwo, Mode.APPLY);
        String made = run.backupName();
        assertThat(run.toString(), run.status(DbBackup.RETENTION), is(CHANGED));
        assertThat(run.message(DbBackup.RETENTION), allOf(startsWith("removed 3: "), containsString(twentyDays),
                containsString(future + " is dated in the future"), containsString(notOurs + " has no db-backup"
                        + " metadata: not ours, left alone")));
        assertThat(list(sim.primary(), ROOT), containsInAnyOrder(
                made, made + ".json", made + ".sha256",
                tenDays, tenDays + ".json", tenDays + ".sha256",
                future, future + ".json", future + ".sha256",
                notOurs, notOurs + ".json", "xcatdb-latest", "nightly-2020-01-01", youngPartial));
    }

    @Test
    public void concurrentRunsOnOneNodeAreSerialised() throws Exception {
        sim.primary().inject(Fault.dumpDelay(10));
        CountDownLatch start = new CountDownLatch(1);
        List<AtomicReference<BackupHarness.Run>> runs = List.of(new AtomicReference<>(), new AtomicReference<>());
        List<Thread> threads = new ArrayList<>();
        for (AtomicReference<BackupHarness.Run> slot : runs) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    slot.set(BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder().build(),
                            Mode.APPLY));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(120_000);
        }

        for (AtomicReference<BackupHarness.Run> r : runs) {
            assertThat(String.valueOf(r.get()), r.get().report.result(), is(Result.SUCCESS));
        }
        assertThat(runs.get(0).get().backupName(), not(equalTo(runs.get(1).get().backupName())));
        // Each run's dump is followed by its own verification before the other dump starts.
        List<String> order = sim.primary().invocations().stream().map(argv -> argv.get(0))
                .filter(c -> c.equals("dumpxCATdb") || c.equals("tabdump")).collect(Collectors.toList());
        assertThat(order, equalTo(List.of("dumpxCATdb", "tabdump", "tabdump", "dumpxCATdb", "tabdump", "tabdump")));
        assertThat(runs.stream().map(r -> r.get().message(DbBackup.PREFLIGHT)).collect(Collectors.toList()),
                hasItem(containsString("for another backup to finish")));
    }

    @Test
    public void anAbortedRunLeavesNoHalfBackupThatLooksCompleteAndNoLock() throws Exception {
        sim.primary().inject(Fault.dumpDelay(200));
        AtomicReference<BackupHarness.Run> result = new AtomicReference<>();
        Node node = BackupHarness.node(sim.cluster(), sim.primary());
        Thread job = new Thread(() -> result.set(BackupHarness.run(node, DbBackupOptions.builder().build(),
                Mode.APPLY)));
        job.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (sim.primary().invocations("dumpxCATdb").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        job.interrupt();
        job.join(60_000);
        node.shell().close();

        BackupHarness.Run run = result.get();
        assertThat(run.toString(), run.report.aborted(), is(true));
        assertThat(run.status(DbBackup.DUMP), is(FAILED));
        assertThat(run.status(DbBackup.CHECKSUM), is(SKIPPED));
        assertThat("no lock, no half dump, nothing that looks complete", list(sim.primary(), ROOT), empty());

        sim.primary().clearFaults();
        assertThat("the next run is not blocked", BackupHarness.run(sim.cluster(), sim.primary(),
                DbBackupOptions.builder().lockWaitSeconds(0).build(), Mode.APPLY).report.result(), is(Result.SUCCESS));
    }

    @Test
    public void collectBringsOneArchiveWhoseContentMatchesTheNodesManifest() throws Exception {
        Path workspace = tmp.newFolder("work space").toPath();
        String root = "/var/backup/xcat-ha@mn1:db,1";
        BackupHarness.Run run = BackupHarness.run(sim.cluster(), sim.primary(), DbBackupOptions.builder()
                .backupRoot(root).collectInto(workspace).build(), Mode.APPLY);
        String name = run.backupName();

        assertThat(run.toString(), run.status(DbBackup.COLLECT), is(CHANGED));
        Path archive = workspace.resolve(name + ".tar.gz");
        assertThat(run.facts.get(DbBackup.COLLECTED_ARCHIVE).orElseThrow(), equalTo(archive));
        assertThat(Files.list(workspace).map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                equalTo(List.of(name + ".tar.gz")));
        Map<String, String> fromNode = Sha256Manifest.parse(sim.primary().readFile(root + "/" + name + ".sha256"))
                .digests();
        Map<String, String> inArchive = new TreeMap<>();
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile() && e.getName().startsWith(name + "/")) {
                    inArchive.put(e.getName().substring(name.length() + 1),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tar.readAllBytes())));
                }
            }
        }
        assertThat(inArchive.size(), is(71));
        assertThat(inArchive, equalTo(fromNode));
        assertThat(fromNode.keySet(), everyItem(not(containsString("sha256"))));
    }

    @Test
    public void filesChangedOnTheNodeAfterSealingFailCollectWithTheirNames() throws Exception {
        Path workspace = tmp.newFolder("ws").toPath();
        Node real = BackupHarness.node(sim.cluster(), sim.primary());
        // Between checksum and collect, someone edits one table, removes another and drops in a third.
        Node tampered = new Node(real.role(), real.name(), new RemoteShell() {
            @Override
            public String target() {
                return real.shell().target();
            }

            @Override
            public CommandResult run(Command command) throws ShellException, InterruptedException {
                if (command.argv().contains(NodeScripts.ARCHIVE)) {
                    String dump = command.argv().get(4) + "/" + command.argv().get(5);
                    sim.primary().exec("sh", "-c", "echo '\"cn1\",\"edited\"' >> \"$1/site.csv\""
                            + " && rm -- \"$1/nodelist.csv\" && echo '#key' > \"$1/extra.csv\"", "sh", dump)
                            .stdoutOrThrow();
                }
                return real.shell().run(command);
            }

            @Override
            public void close() {
                real.shell().close();
            }
        });
        BackupHarness.Run run;
        try {
            run = BackupHarness.run(tampered, DbBackupOptions.builder().collectInto(workspace).build(), Mode.APPLY);
        } finally {
            tampered.shell().close();
        }

        assertThat(run.toString(), run.status(DbBackup.COLLECT), is(FAILED));
        assertThat(run.message(DbBackup.COLLECT), allOf(
                startsWith("the collected archive does not match the backup's manifest: "),
                containsString("missing from the archive: nodelist.csv"),
                containsString("not in the manifest: extra.csv"),
                containsString("SHA-256 differs from the manifest: site.csv"),
                containsString("The backup on " + real.name() + " is unaffected.")));
        assertThat(run.facts.get(DbBackup.COLLECTED_ARCHIVE).isPresent(), is(false));
        try (var files = Files.list(workspace)) {
            assertThat("no archive and no .part left behind", files.collect(Collectors.toList()), empty());
        }
    }

    @Test
    public void asOneStepOfAnotherProcedureEveryCommandIsRecordedThereAndTheLockReleased() {
        ProcedureStep backupDatabase = new AbstractStep("backup-database", "backup", HostScope.PRIMARY) {
            @Override
            public Outcome run(StepContext context) throws ShellException, InterruptedException {
                return DbBackup.runWithin(context, DbBackupOptions.builder().build());
            }
        };
        Node node = BackupHarness.node(sim.cluster(), sim.primary());
        ProcedureReport report;
        try {
            report = new ProcedureRunner().run(new Procedure("standby-prepare", List.of(backupDatabase)),
                    Cluster.single(node), Mode.APPLY, ProgressListener.NONE);
        } finally {
            node.shell().close();
        }

        StepResult step = report.step("backup-database").orElseThrow();
        assertThat(step.message(), step.status(), is(CHANGED));
        assertThat(step.message(), allOf(containsString("verify: 71 tables verified"),
                containsString("checksum: backup complete")));
        assertThat(step.commands().stream().map(CommandRecord::command).collect(Collectors.toList()),
                hasItem(startsWith("/opt/xcat/sbin/dumpxCATdb -V -p")));
        assertThat(list(sim.primary(), ROOT), not(hasItem(".xcat-ha.lock")));
    }
}
