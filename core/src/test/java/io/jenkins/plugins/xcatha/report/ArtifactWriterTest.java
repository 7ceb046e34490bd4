package io.jenkins.plugins.xcatha.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ArtifactWriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void writesTheThreeFilesUnderXcatHaProcedureId() throws Exception {
        Path base = tmp.getRoot().toPath();

        ArtifactWriter.Written written = new ArtifactWriter().write(base, SampleReports.standbyPrepare());

        assertThat(written.directory(), is(base.resolve("xcat-ha/standby-prepare")));
        try (Stream<Path> files = Files.list(written.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                    containsInAnyOrder("report.json", "junit.xml", "summary.txt"));
        }
        assertThat(written.relativeTo(base).keySet(), contains("xcat-ha/standby-prepare/report.json",
                "xcat-ha/standby-prepare/junit.xml", "xcat-ha/standby-prepare/summary.txt"));
    }

    @Test
    public void laterInvocationsInTheSameFolderGetNumberedFolders() throws Exception {
        Path base = tmp.getRoot().toPath();
        ArtifactWriter writer = new ArtifactWriter();

        Path first = writer.write(base, SampleReports.standbyPrepare()).directory();
        Path second = writer.write(base, SampleReports.standbyPrepare()).directory();
        Path backup = writer.write(base, SampleReports.dbBackup()).directory();
        Path third = writer.write(base, SampleReports.standbyPrepare()).directory();

        assertThat(List.of(first, second, third, backup), contains(base.resolve("xcat-ha/standby-prepare"),
                base.resolve("xcat-ha/standby-prepare-2"), base.resolve("xcat-ha/standby-prepare-3"),
                base.resolve("xcat-ha/db-backup")));
    }

    @Test
    public void invocationsStartedAtOnceNeverShareAFolder() throws Exception {
        Path base = tmp.getRoot().toPath();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Path>> tasks = Collections.nCopies(8,
                    () -> ArtifactDirectory.allocate(base, "db-backup"));
            List<Path> taken = new ArrayList<>();
            for (Future<Path> f : pool.invokeAll(tasks)) {
                taken.add(f.get());
            }
            assertThat(taken.stream().distinct().count(), is(8L));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test(expected = io.jenkins.plugins.xcatha.config.InvalidInputException.class)
    public void procedureIdCannotLeaveTheArtifactFolder() throws Exception {
        ArtifactDirectory.allocate(tmp.getRoot().toPath(), "../escape");
    }
}
