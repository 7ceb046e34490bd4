package io.jenkins.plugins.xcatha.jenkins;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Validate;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.NoHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.PinnedHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.TrustOnFirstUseVerification;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The host-key policy a user chose in a step or build step, as plain data that travels to the agent:
 * a known_hosts file (empty: the agent user's {@code ~/.ssh/known_hosts}), one pinned key (a
 * {@code SHA256:} fingerprint or a public key line), trust on first use, or no verification.
 */
public record HostKeySetting(Kind kind, String value) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String FIELD = "hostKeyVerification";
    public static final String DEFAULT_KNOWN_HOSTS = "~/.ssh/known_hosts";
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final Pattern KEY_LINE = Pattern.compile("([a-z0-9@.-]+)\\s+([A-Za-z0-9+/]+={0,2})(\\s+.*)?");

    public enum Kind {
        KNOWN_HOSTS_FILE, MANUALLY_PROVIDED_KEY, TRUST_ON_FIRST_USE, NO_VERIFICATION
    }

    public HostKeySetting {
        java.util.Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value.strip();
    }

    /** The default: verify against the known_hosts file of the user the agent runs as. */
    public static HostKeySetting defaults() {
        return knownHostsFile("");
    }

    public static HostKeySetting knownHostsFile(String path) {
        return new HostKeySetting(Kind.KNOWN_HOSTS_FILE, path);
    }

    public static HostKeySetting manuallyProvidedKey(String key) {
        return new HostKeySetting(Kind.MANUALLY_PROVIDED_KEY, key);
    }

    public static HostKeySetting trustOnFirstUse() {
        return new HostKeySetting(Kind.TRUST_ON_FIRST_USE, "");
    }

    public static HostKeySetting noVerification() {
        return new HostKeySetting(Kind.NO_VERIFICATION, "");
    }

    /** The known_hosts path with the default filled in (only for {@link Kind#KNOWN_HOSTS_FILE}). */
    public String knownHostsPath() {
        return value.isEmpty() ? DEFAULT_KNOWN_HOSTS : value;
    }

    /**
     * Checks the value before anything connects.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public HostKeySetting validate() {
        switch (kind) {
            case KNOWN_HOSTS_FILE -> Validate.absolutePath(FIELD + ".knownHostsFile", knownHostsPath());
            case MANUALLY_PROVIDED_KEY -> checkKey(value);
            default -> {
                // nothing to check
            }
        }
        return this;
    }

    static void checkKey(String key) {
        String field = FIELD + ".key";
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(field, "a SHA256 fingerprint (SHA256:...) or a public key line"
                    + " (ssh-ed25519 AAAA...) is required");
        }
        String k = key.strip();
        if (k.startsWith("SHA256:")) {
            if (!FINGERPRINT.matcher(k).matches()) {
                throw new InvalidInputException(field, "'" + k + "' is not a SHA256 fingerprint (SHA256: and 43"
                        + " base64 characters, as `ssh-keygen -lf` prints)");
            }
            return;
        }
        var line = KEY_LINE.matcher(k);
        if (!line.matches()) {
            throw new InvalidInputException(field, "'" + abbreviate(k) + "' is neither a SHA256 fingerprint nor"
                    + " a public key line (type and base64 key, as in /etc/ssh/ssh_host_ed25519_key.pub)");
        }
        try {
            Base64.getDecoder().decode(line.group(2));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "the key of '" + abbreviate(k) + "' is not valid base64");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /**
     * The engine's strategy for this policy, on the machine that connects (the agent): {@code ~} is that
     * user's home, and trust on first use records keys in that user's known_hosts.
     *
     * @param notices where keys trusted on first use and the no-verification warnings are told (the build log)
     */
    public HostKeyVerification verification(Consumer<String> notices) {
        validate();
        return switch (kind) {
            case KNOWN_HOSTS_FILE -> new KnownHostsFileVerification(agentPath(knownHostsPath()));
            case MANUALLY_PROVIDED_KEY -> new PinnedHostKeyVerification(value);
            case TRUST_ON_FIRST_USE -> new TrustOnFirstUseVerification(agentPath(DEFAULT_KNOWN_HOSTS), notices);
            case NO_VERIFICATION -> new NoHostKeyVerification(notices);
        };
    }

    private static Path agentPath(String path) {
        String home = System.getProperty("user.home");
        if (path.equals("~")) {
            return Path.of(home);
        }
        return path.startsWith("~/") ? Path.of(home, path.substring(2)) : Path.of(path);
    }

    /** For logs: the policy, never more than the fingerprint or path. */
    public String describe() {
        return switch (kind) {
            case KNOWN_HOSTS_FILE -> "known_hosts file " + knownHostsPath();
            case MANUALLY_PROVIDED_KEY -> "pinned host key " + abbreviate(value);
            case TRUST_ON_FIRST_USE -> "trust on first use";
            case NO_VERIFICATION -> "NO host key verification";
        };
    }
}
