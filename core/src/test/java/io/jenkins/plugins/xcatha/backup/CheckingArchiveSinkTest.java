package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The archive is checked while it is written: same bytes on disk, same verdicts as a check of the file. */
public class CheckingArchiveSinkTest {
    private static final String NAME = "xcatdb-20261126T010203Z";
    // Larger than the pipe between the copy and the check, so that the check must keep up or get out of the way.
    private static final int LARGE = 3 * 1024 * 1024;
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Random hex text: compresses about 2:1, so the archive stays larger than the pipe. */
    private static byte[] csv(int bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("#node,mac\n");
        while (text.length() < bytes) {
            text.append("\"cn").append(random.nextInt(100000)).append("\",\"")
                    .append(Long.toHexString(random.nextLong())).append("\"\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] archive(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> backup(Sha256Manifest manifest, byte[] hosts, byte[] mac) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(NAME + ".sha256", manifest.bytes());
        entries.put(NAME + ".json", ("{\"schema\":\"xcat-ha/db-backup/v1\",\"name\":\"" + NAME + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        entries.put(NAME + "/hosts.csv", hosts);
        entries.put(NAME + "/mac.csv", mac);
        return entries;
    }

    /** Writes in pieces of odd sizes, as a shell's stdout pump would. */
    private ArchiveCheck.Result stream(byte[] received, Path file, Sha256Manifest manifest) throws Exception {
        try (CheckingArchiveSink sink = new CheckingArchiveSink(Files.newOutputStream(file), NAME, manifest)) {
            int off = 0;
            int piece = 1;
            while (off < received.length) {
                int n = Math.min(piece, received.length - off);
                sink.write(received, off, n);
                off += n;
                piece = piece * 3 % 40_000 + 1;
            }
            return sink.finish();
        }
    }

    @Test
    public void theFileHoldsExactlyTheBytesReceivedAndEveryEntryIsChecked() throws Exception {
        byte[] hosts = csv(LARGE, 1);
        byte[] mac = csv(LARGE, 2);
        Sha256Manifest manifest = Sha256Manifest.of(Map.of("hosts.csv", sha256(hosts), "mac.csv", sha256(mac)));
        byte[] received = archive(backup(manifest, hosts, mac));
        assertThat("several times the pipe", received.length, greaterThan(2 * 1024 * 1024));
        Path file = tmp.newFile().toPath();

        ArchiveCheck.Result result = stream(received, file, manifest);

        assertThat(result.problems(), empty());
        assertThat(result.files(), is(2));
        assertThat(sha256(Files.readAllBytes(file)), is(sha256(received)));
    }

    @Test
    public void aChangedEntryIsNamedAsInACheckOfTheFile() throws Exception {
        byte[] hosts = csv(LARGE, 1);
        byte[] mac = csv(1000, 2);
        Sha256Manifest manifest = Sha256Manifest.of(Map.of("hosts.csv", sha256(hosts), "mac.csv", sha256(mac)));
        byte[] changed = hosts.clone();
        changed[LARGE / 2] ^= 1;
        byte[] received = archive(backup(manifest, changed, mac));
        Path file = tmp.newFile().toPath();

        ArchiveCheck.Result result = stream(received, file, manifest);

        assertThat(result.problems(), contains("SHA-256 differs from the manifest: hosts.csv"));
        assertThat(ArchiveCheck.verify(file, NAME, manifest).problems(), is(result.problems()));
    }

    @Test(timeout = 120_000)
    public void bytesThatAreNoArchiveFailTheCheckAndTheCopyStillCompletes() throws Exception {
        byte[] received = new byte[LARGE];
        new Random(3).nextBytes(received);
        Path file = tmp.newFile().toPath();

        ArchiveCheck.Result result = stream(received, file, Sha256Manifest.of(Map.of()));

        assertThat(result.problems().size(), is(1));
        assertThat(result.problems().get(0), startsWith("it is not a readable tar.gz ("));
        assertThat(Files.size(file), is((long) LARGE));
    }

    @Test
    public void aStreamCutShortIsNotAReadableArchive() throws Exception {
        byte[] hosts = csv(LARGE, 1);
        Sha256Manifest manifest = Sha256Manifest.of(Map.of("hosts.csv", sha256(hosts)));
        byte[] whole = archive(backup(manifest, hosts, new byte[0]));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        ArchiveCheck.Result result = stream(cut, tmp.newFile().toPath(), manifest);

        assertThat(result.matches(), is(false));
        assertThat(result.problems().get(0), startsWith("it is not a readable tar.gz ("));
    }

    @Test
    public void bytesAfterTheGzipStreamAreCaught() throws Exception {
        byte[] hosts = csv(1000, 1);
        byte[] mac = csv(1000, 2);
        Sha256Manifest manifest = Sha256Manifest.of(Map.of("hosts.csv", sha256(hosts), "mac.csv", sha256(mac)));
        byte[] whole = archive(backup(manifest, hosts, mac));
        byte[] withTail = java.util.Arrays.copyOf(whole, whole.length + 5);

        ArchiveCheck.Result result = stream(withTail, tmp.newFile().toPath(), manifest);

        assertThat(result.problems(), contains("5 unexpected bytes after the end of the gzip stream"));
    }
}
