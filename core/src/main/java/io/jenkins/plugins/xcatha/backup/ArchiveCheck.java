package io.jenkins.plugins.xcatha.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a collected {@code <name>.tar.gz} against the manifest the node computed when it sealed the backup:
 * every file of the dump present once with the same SHA-256, nothing else, and the archive's own copy of the
 * manifest identical. Reads the archive as a stream: memory stays constant whatever the backup's size.
 */
public final class ArchiveCheck {
    private static final int LARGEST_SIDECAR = 1 << 20;

    private ArchiveCheck() {
    }

    /** What the archive holds and what is wrong with it (nothing, when {@link #problems()} is empty). */
    public record Result(int files, long bytes, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean matches() {
            return problems.isEmpty();
        }
    }

    public static Result verify(Path archive, String backupName, Sha256Manifest expected) throws IOException {
        try (InputStream file = Files.newInputStream(archive)) {
            return verify(file, backupName, expected);
        }
    }

    /**
     * Checks the gzip'd tar read from {@code archive} to its end (the gzip trailer's CRC included).
     * Closes the stream when done. Lets {@link CheckingArchiveSink} check the bytes while they are being
     * received.
     */
    public static Result verify(InputStream archive, String backupName, Sha256Manifest expected) throws IOException {
        Map<String, String> seen = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        String embeddedManifest = null;
        boolean metadata = false;
        long bytes = 0;
        String prefix = backupName + "/";
        BufferedInputStream raw = new BufferedInputStream(archive, 64 * 1024);
        GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName();
                if (entry.isDirectory()) {
                    if (!path.equals(prefix)) {
                        problems.add("unexpected directory " + path);
                    }
                } else if (path.equals(backupName + ".sha256")) {
                    embeddedManifest = new String(readSmall(tar, path), StandardCharsets.UTF_8);
                } else if (path.equals(backupName + ".json")) {
                    BackupMetadata.fromJson(new String(readSmall(tar, path), StandardCharsets.UTF_8));
                    metadata = true;
                } else if (path.startsWith(prefix) && !path.substring(prefix.length()).contains("/")
                        && entry.isFile()) {
                    String name = path.substring(prefix.length());
                    bytes += entry.getSize();
                    if (seen.put(name, sha256(tar)) != null) {
                        problems.add(name + " appears twice");
                    }
                } else {
                    problems.add("unexpected entry " + path);
                }
            }
            // What follows tar's end marker is padding; reading it to the end checks the gzip trailer.
            gzip.transferTo(OutputStream.nullOutputStream());
            long trailing = raw.transferTo(OutputStream.nullOutputStream());
            if (trailing > 0) {
                problems.add(trailing + " unexpected bytes after the end of the gzip stream");
            }
        }
        Set<String> missing = new TreeSet<>(expected.digests().keySet());
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty()) {
            problems.add("missing from the archive: " + String.join(", ", missing));
        }
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, String> e : seen.entrySet()) {
            String want = expected.digests().get(e.getKey());
            if (want == null) {
                problems.add("not in the manifest: " + e.getKey());
            } else if (!want.equals(e.getValue())) {
                differing.add(e.getKey());
            }
        }
        if (!differing.isEmpty()) {
            problems.add("SHA-256 differs from the manifest: " + String.join(", ", differing));
        }
        if (embeddedManifest == null) {
            problems.add("the archive holds no " + backupName + ".sha256");
        } else if (!Sha256Manifest.parse(embeddedManifest).equals(expected)) {
            problems.add(backupName + ".sha256 in the archive differs from the manifest the node computed");
        }
        if (!metadata) {
            problems.add("the archive holds no " + backupName + ".json");
        }
        return new Result(seen.size(), bytes, problems);
    }

    private static byte[] readSmall(InputStream in, String path) throws IOException {
        byte[] data = in.readNBytes(LARGEST_SIDECAR + 1);
        if (data.length > LARGEST_SIDECAR) {
            throw new IOException(path + " is larger than " + LARGEST_SIDECAR + " bytes: not ours");
        }
        return data;
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
