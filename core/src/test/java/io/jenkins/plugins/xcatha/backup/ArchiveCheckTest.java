package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ArchiveCheckTest {
    private static final String NAME = "xcatdb-20261126T010203Z";
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Path archive(Map<String, String> entries) throws IOException {
        Path file = tmp.newFile().toPath();
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private Map<String, String> backup(Sha256Manifest manifest, String siteContent) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(NAME + ".sha256", manifest.format());
        entries.put(NAME + ".json", "{\"schema\":\"xcat-ha/db-backup/v1\",\"name\":\"" + NAME + "\"}");
        entries.put(NAME + "/site.csv", siteContent);
        entries.put(NAME + "/passwd.csv", "#key,username\n");
        return entries;
    }

    private Sha256Manifest manifest() throws Exception {
        return Sha256Manifest.of(Map.of("site.csv", sha256("#key,value\n\"a\",\"b\",,\n"),
                "passwd.csv", sha256("#key,username\n")));
    }

    @Test
    public void anArchiveWhoseEntriesMatchTheManifestPasses() throws Exception {
        ArchiveCheck.Result r = ArchiveCheck.verify(archive(backup(manifest(), "#key,value\n\"a\",\"b\",,\n")), NAME,
                manifest());
        assertThat(r.problems(), empty());
        assertThat(r.files(), is(2));
    }

    @Test
    public void aChangedFileIsCaught() throws Exception {
        ArchiveCheck.Result r = ArchiveCheck.verify(archive(backup(manifest(), "#key,value\n")), NAME, manifest());
        assertThat(r.problems(), contains("SHA-256 differs from the manifest: site.csv"));
    }

    @Test
    public void aMissingOrExtraFileIsCaught() throws Exception {
        Map<String, String> entries = backup(manifest(), "#key,value\n\"a\",\"b\",,\n");
        entries.remove(NAME + "/passwd.csv");
        entries.put(NAME + "/site.csv.bak", "x");
        ArchiveCheck.Result r = ArchiveCheck.verify(archive(entries), NAME, manifest());
        assertThat(r.problems(), hasItem("missing from the archive: passwd.csv"));
        assertThat(r.problems(), hasItem("not in the manifest: site.csv.bak"));
    }
}
