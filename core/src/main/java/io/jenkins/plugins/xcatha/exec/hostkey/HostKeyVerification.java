package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.util.List;

/**
 * How a shell decides whether the key a server offers really belongs to the node (ssh-agents-plugin
 * style: one small strategy per choice). {@link KnownHostsFileVerification} is the default everywhere;
 * {@link NoHostKeyVerification} exists for labs and warns every time it is used.
 */
public abstract class HostKeyVerification {

    /**
     * Accepts the key or refuses it with a message that shows the offered fingerprint and, where one is
     * known, the expected one. Called on every key exchange, possibly from an SSH library thread.
     */
    public abstract void verify(String host, int port, HostKey offered) throws HostKeyRejectedException;

    /** Key types this strategy can check for the host, best first; empty when any type will do. */
    public List<String> knownKeyTypes(String host, int port) {
        return List.of();
    }

    /** The fingerprints expected for the host, for messages ("expected SHA256:..."); may be empty. */
    public abstract List<String> expectedFingerprints(String host, int port);

    /** The ssh(1) {@code -o} options (without the {@code -o}) that make OpenSSH verify the same way. */
    public abstract List<String> openSshOptions(OpenSshHostKeyContext context)
            throws HostKeyRejectedException, IOException, InterruptedException;

    /** For logs: which strategy, and which file or pin, never key material beyond fingerprints. */
    public abstract String description();

    @Override
    public String toString() {
        return description();
    }

    /** ssh-keyscan's name for a key type: {@code ssh-rsa} → {@code rsa}. */
    static String keyscanType(String type) {
        if (type.startsWith("ecdsa-")) {
            return "ecdsa";
        }
        return type.startsWith("ssh-") ? type.substring(4) : type;
    }

    static String keyscanLine(String host, int port, String type) {
        return "ssh-keyscan " + (port == 22 ? "" : "-p " + port + " ") + "-t " + keyscanType(type) + " " + host;
    }

    /** OpenSSH HostKeyAlgorithms for keys of {@code type}: an RSA key may be offered as rsa-sha2-*. */
    static List<String> signatureAlgorithms(String type) {
        return type.equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa") : List.of(type);
    }

    /** A path as an ssh_config value: ssh expands %-tokens and splits on blanks unless quoted. */
    static String configPath(java.nio.file.Path path) {
        String p = path.toAbsolutePath().toString().replace("%", "%%");
        if (p.contains("\"")) {
            throw new IllegalArgumentException("ssh cannot use a path with a double quote: " + path);
        }
        return p.matches(".*\\s.*") ? "\"" + p + "\"" : p;
    }

    static String where(String host, int port) {
        return KnownHostsFile.lookupName(host, port);
    }
}
