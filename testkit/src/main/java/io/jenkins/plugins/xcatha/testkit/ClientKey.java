package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A private key that logs in as root on every node of a simulated cluster. */
public final class ClientKey {
    private final Path privateKeyFile;
    private final String passphrase;

    ClientKey(Path privateKeyFile, String passphrase) {
        this.privateKeyFile = privateKeyFile;
        this.passphrase = passphrase;
    }

    /** PEM text ({@code -----BEGIN RSA PRIVATE KEY-----}), the only format Trilead reads. */
    public String privateKeyPem() { return read(privateKeyFile); }

    /** The key file (mode 0600), e.g. for {@code ssh -i}. */
    public Path privateKeyFile() { return privateKeyFile; }

    /** The OpenSSH public key line as it stands in authorized_keys. */
    public String publicKeyLine() { return read(privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub")).trim(); }

    /** The passphrase of an encrypted key, or null. */
    public String passphrase() { return passphrase; }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() { return "ClientKey(" + privateKeyFile + (passphrase != null ? ", encrypted" : "") + ")"; }
}
