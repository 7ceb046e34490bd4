package io.jenkins.plugins.xcatha.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A backup that collect brought off the node ({@code xcatdb-<time>.tar.gz}: the manifest, the metadata, then the
 * dump directory), read on the machine that holds it: its name, manifest, metadata and table files. Only an
 * archive whose every entry {@link ArchiveCheck} accepts is used, so nothing in it can land outside its folder
 * when it is unpacked on the node.
 */
record CollectedArchive(String name, Sha256Manifest manifest, BackupMetadata metadata, Map<String, String> files) {

    /**
     * @throws IOException naming what is wrong: not a gzip'd tar, no manifest or metadata, or an entry that does
     *                     not match the manifest
     */
    static CollectedArchive read(Path archive) throws IOException {
        String name = null;
        Sha256Manifest manifest = null;
        BackupMetadata metadata = null;
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = tar.readNBytes((int) Math.min(entry.getSize(), DbRestoreOptions.LARGEST_ARCHIVE_BYTES));
                if (path.endsWith(".sha256") && !path.contains("/")) {
                    name = path.substring(0, path.length() - ".sha256".length());
                    manifest = Sha256Manifest.parse(new String(content, StandardCharsets.UTF_8));
                } else if (path.endsWith(".json") && !path.contains("/")) {
                    metadata = BackupMetadata.fromJson(new String(content, StandardCharsets.UTF_8));
                } else if (path.indexOf('/') > 0) {
                    files.put(path.substring(path.indexOf('/') + 1), new String(content, StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (name == null || manifest == null || BackupName.parse(name).isEmpty()) {
            throw new IOException("it holds no xcatdb-<time>.sha256 manifest: it is not an archive db-backup collected");
        }
        if (metadata == null || !name.equals(metadata.name())) {
            throw new IOException("it holds no " + name + ".json metadata");
        }
        ArchiveCheck.Result check = ArchiveCheck.verify(archive, name, manifest);
        if (!check.matches()) {
            throw new IOException("it does not match its own manifest: " + String.join("; ", check.problems()));
        }
        return new CollectedArchive(name, manifest, metadata, files);
    }
}
