package io.jenkins.plugins.xcatha.exec.hostkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A server's public host key: its type and the key blob as sent in the SSH protocol. The type comes
 * from the blob itself, so a key negotiated as {@code rsa-sha2-512} is the same {@code ssh-rsa} key a
 * known_hosts line or a pin names.
 */
public final class HostKey {
    private final String type;
    private final byte[] blob;

    private HostKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    public static HostKey fromBlob(byte[] blob) {
        return new HostKey(typeOf(blob), blob.clone());
    }

    /** Parses {@code TYPE BASE64 [comment]}, as in a {@code .pub} file or after the host field of known_hosts. */
    public static HostKey parse(String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length < 2) {
            throw new IllegalArgumentException("'" + abbreviate(line) + "' is not a public key line (expected"
                    + " 'ssh-ed25519 AAAA...' or 'ssh-rsa AAAA...')");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key of '" + abbreviate(line) + "' is not valid base64");
        }
        String inBlob = typeOf(blob);
        if (!inBlob.equals(fields[0])) {
            throw new IllegalArgumentException("'" + abbreviate(line) + "' says " + fields[0]
                    + " but the key is " + inBlob);
        }
        return new HostKey(inBlob, blob);
    }

    private static String typeOf(byte[] blob) {
        try {
            ByteBuffer b = ByteBuffer.wrap(blob);
            int len = b.getInt();
            if (len <= 0 || len > 64 || len > b.remaining()) {
                throw new IllegalArgumentException("not an SSH public key blob");
            }
            byte[] name = new byte[len];
            b.get(name);
            String type = new String(name, StandardCharsets.US_ASCII);
            if (!type.matches("[a-z0-9@.-]+")) {
                throw new IllegalArgumentException("not an SSH public key blob");
            }
            return type;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not an SSH public key blob");
        }
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** {@code ssh-rsa}, {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}... */
    public String type() {
        return type;
    }

    public byte[] blob() {
        return blob.clone();
    }

    /** The OpenSSH fingerprint, {@code SHA256:} and unpadded base64, as ssh-keygen -l prints it. */
    public String fingerprint() {
        return sha256Fingerprint(blob);
    }

    static String sha256Fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code TYPE BASE64}, the key part of a known_hosts line. */
    public String toKeyLine() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostKey other && type.equals(other.type) && Arrays.equals(blob, other.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
