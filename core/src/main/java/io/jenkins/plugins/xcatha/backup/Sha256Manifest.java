package io.jenkins.plugins.xcatha.backup;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 of every file of one dump, in {@code sha256sum} format with names relative to the dump
 * directory, so that {@code cd <root>/<name> && sha256sum -c ../<name>.sha256} checks a backup by hand.
 */
public final class Sha256Manifest {
    // "<hex>  name" (text mode) or "<hex> *name" (binary mode, also what `openssl dgst -r` prints).
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");
    private final Map<String, String> digests;

    private Sha256Manifest(Map<String, String> digests) {
        this.digests = Collections.unmodifiableMap(new TreeMap<>(digests));
    }

    public static Sha256Manifest of(Map<String, String> digestsByFile) {
        Map<String, String> normalised = new TreeMap<>();
        digestsByFile.forEach((file, digest) -> normalised.put(checkName(file), checkDigest(digest)));
        return new Sha256Manifest(normalised);
    }

    /** Parses {@code sha256sum} output; a line that is not one makes the whole text invalid. */
    public static Sha256Manifest parse(String text) {
        Map<String, String> digests = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.stripTrailing());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a sha256sum line: " + abbreviate(line));
            }
            String name = checkName(m.group(2));
            if (digests.put(name, m.group(1).toLowerCase(java.util.Locale.ROOT)) != null) {
                throw new IllegalArgumentException("file listed twice in the manifest: " + name);
            }
        }
        return new Sha256Manifest(digests);
    }

    private static String checkName(String name) {
        // sha256sum escapes odd names with a leading backslash; dumps hold only <table>.csv or engine files.
        if (name.isEmpty() || name.startsWith("\\") || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("unexpected file name in a manifest: " + abbreviate(name));
        }
        return name;
    }

    private static String checkDigest(String digest) {
        if (!digest.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + abbreviate(digest));
        }
        return digest.toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** File name (relative to the dump directory) to lower-case hex digest, sorted by name. */
    public Map<String, String> digests() {
        return digests;
    }

    public int size() {
        return digests.size();
    }

    /** The manifest file's content, {@code sha256sum -c} compatible. */
    public String format() {
        StringBuilder text = new StringBuilder();
        digests.forEach((file, digest) -> text.append(digest).append("  ").append(file).append('\n'));
        return text.toString();
    }

    public byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256Manifest other && digests.equals(other.digests);
    }

    @Override
    public int hashCode() {
        return digests.hashCode();
    }

    @Override
    public String toString() {
        return "Sha256Manifest{" + digests.size() + " files}";
    }
}
