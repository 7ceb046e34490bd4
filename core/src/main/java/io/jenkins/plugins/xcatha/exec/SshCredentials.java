package io.jenkins.plugins.xcatha.exec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Who logs in and with which key: a private key given as text (a Jenkins SSH credential), a key file,
 * or (OpenSSH only) whatever the user's ssh_config and ssh-agent provide. Key text and passphrase are
 * held as char[] and never appear in {@link #toString()}; {@link #destroy()} wipes them.
 */
public final class SshCredentials {
    private final String user;
    private final char[] privateKey;
    private final Path identityFile;
    private final char[] passphrase;

    private SshCredentials(String user, char[] privateKey, Path identityFile, char[] passphrase) {
        if (user == null || !user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("SSH user '" + user + "' is not a valid user name");
        }
        this.user = user;
        this.privateKey = privateKey;
        this.identityFile = identityFile;
        this.passphrase = passphrase == null || passphrase.length == 0 ? null : passphrase.clone();
    }

    /** A private key as text (PEM or OpenSSH format) with its passphrase, or null when it has none. */
    public static SshCredentials privateKey(String user, char[] keyText, char[] passphrase) {
        Objects.requireNonNull(keyText, "private key");
        if (new String(keyText).isBlank()) {
            throw new IllegalArgumentException("the private key for SSH user '" + user + "' is empty");
        }
        return new SshCredentials(user, keyText.clone(), null, passphrase);
    }

    /** A private key file; its passphrase, or null when it has none. */
    public static SshCredentials identityFile(String user, Path keyFile, char[] passphrase) {
        return new SshCredentials(user, null, Objects.requireNonNull(keyFile, "identity file").toAbsolutePath(),
                passphrase);
    }

    /** OpenSSH only: the keys that the user's ssh_config, ssh-agent and ~/.ssh/id_* provide. */
    public static SshCredentials sshDefaults(String user) {
        return new SshCredentials(user, null, null, null);
    }

    public String user() {
        return user;
    }

    /** A copy of the key text, or null; the caller wipes it after use. */
    public char[] privateKey() {
        return privateKey == null ? null : privateKey.clone();
    }

    public boolean hasPrivateKeyText() {
        return privateKey != null;
    }

    public Path identityFile() {
        return identityFile;
    }

    /** A copy of the passphrase, or null when the key has none. */
    public char[] passphrase() {
        return passphrase == null ? null : passphrase.clone();
    }

    public boolean hasPassphrase() {
        return passphrase != null;
    }

    /** Overwrites key text and passphrase in memory. */
    public void destroy() {
        if (privateKey != null) {
            Arrays.fill(privateKey, '\0');
        }
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    @Override
    public String toString() {
        String key = privateKey != null ? "key=****" : identityFile != null ? "identityFile=" + identityFile
                : "key=ssh defaults";
        return "SshCredentials[user=" + user + ", " + key + (passphrase != null ? ", passphrase=****" : "") + "]";
    }
}
