package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH known_hosts file, read the way ssh reads it: plain and hashed ({@code |1|salt|hash}) host
 * fields, comma-separated patterns with {@code *}, {@code ?} and {@code !}, {@code [host]:port} for
 * ports other than 22, {@code @revoked} lines. ({@code @cert-authority} lines are skipped: host
 * certificates are not used here.) Unlike Trilead's KnownHosts, a hashed {@code [host]:port} entry is
 * found, and keys of another type never count as a changed key.
 */
public final class KnownHostsFile {
    private record Entry(String hostField, HostKey key, boolean revoked) {
    }

    private final List<Entry> entries;

    private KnownHostsFile(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads {@code file}; a missing file is an empty one. */
    public static KnownHostsFile read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new KnownHostsFile(List.of());
        }
    }

    public static KnownHostsFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean revoked = false;
            if (line.startsWith("@")) {
                String[] marker = line.split("\\s+", 2);
                if (!marker[0].equals("@revoked") || marker.length < 2) {
                    continue;
                }
                revoked = true;
                line = marker[1];
            }
            String[] fields = line.split("\\s+", 2);
            if (fields.length < 2) {
                continue;
            }
            try {
                entries.add(new Entry(fields[0], HostKey.parse(fields[1]), revoked));
            } catch (IllegalArgumentException e) {
                // ssh skips lines it cannot read (unknown key types, garbage); so do we
            }
        }
        return new KnownHostsFile(List.copyOf(entries));
    }

    /** The name ssh looks up for {@code host} on {@code port}: {@code host}, or {@code [host]:port}. */
    public static String lookupName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** Keys recorded for the host, revoked ones left out. */
    public List<HostKey> keysFor(String host, int port) {
        String name = lookupName(host, port);
        List<HostKey> keys = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.revoked() && matches(e.hostField(), name) && !keys.contains(e.key())) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    public boolean isRevoked(HostKey key) {
        return entries.stream().anyMatch(e -> e.revoked() && e.key().equals(key));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    static boolean matches(String hostField, String name) {
        if (hostField.startsWith("|1|")) {
            return hashedMatches(hostField, name);
        }
        boolean positive = false;
        for (String pattern : hostField.split(",")) {
            boolean negated = pattern.startsWith("!");
            String p = negated ? pattern.substring(1) : pattern;
            if (wildcard(p).matcher(name.toLowerCase(java.util.Locale.ROOT)).matches()) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    private static Pattern wildcard(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static boolean hashedMatches(String hostField, String name) {
        String[] parts = hostField.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, hmacSha1(salt, name));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmacSha1(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** The hashed host field OpenSSH writes with HashKnownHosts (for tests and for files we create). */
    public static String hashedHostField(String host, int port, byte[] salt) {
        String name = lookupName(host, port);
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|"
                + Base64.getEncoder().encodeToString(hmacSha1(salt, name));
    }

    /** Appends a line for the host, creating the file (mode 0600 where supported) when needed. */
    public static void append(Path file, String host, int port, HostKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String line = lookupName(host, port) + " " + key.toKeyLine() + "\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             FileLock lock = channel.lock()) {
            channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }
}
