package io.jenkins.plugins.xcatha.run;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.NoHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.PinnedHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.TrustOnFirstUseVerification;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The host-key policy a user chose (CLI flags or the Pipeline's {@code hostKeyVerification}), turned into a
 * verification strategy. Default: the running user's known_hosts, never written.
 */
public final class HostKeyChoice {
    private final Kind kind;
    private final Path file;
    private final List<String> pins;

    public enum Kind { KNOWN_HOSTS, PINNED, TRUST_ON_FIRST_USE, NONE }

    private HostKeyChoice(Kind kind, Path file, List<String> pins) {
        this.kind = kind;
        this.file = file;
        this.pins = List.copyOf(pins);
    }

    /** {@code ~/.ssh/known_hosts} of the user running the code. */
    public static HostKeyChoice userKnownHosts() {
        return new HostKeyChoice(Kind.KNOWN_HOSTS, null, List.of());
    }

    public static HostKeyChoice knownHosts(Path file) {
        return new HostKeyChoice(Kind.KNOWN_HOSTS, Objects.requireNonNull(file, "known_hosts file"), List.of());
    }

    /**
     * Only these keys ({@code SHA256:...} fingerprints or public key lines), one per node.
     *
     * @throws InvalidInputException naming {@code field} and the pin that is neither
     */
    public static HostKeyChoice pinned(String field, List<String> pins) {
        HostKeyChoice choice = new HostKeyChoice(Kind.PINNED, null, pins);
        try {
            choice.verification(message -> { });
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
        return choice;
    }

    /** Records unknown keys in {@code file} ({@code ~/.ssh/known_hosts} when null), refuses changed ones. */
    public static HostKeyChoice trustOnFirstUse(Path file) {
        return new HostKeyChoice(Kind.TRUST_ON_FIRST_USE, file, List.of());
    }

    public static HostKeyChoice none() {
        return new HostKeyChoice(Kind.NONE, null, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** @param notices where keys trusted on first use and "verification is off" warnings go (log, terminal) */
    public HostKeyVerification verification(Consumer<String> notices) {
        return switch (kind) {
            case KNOWN_HOSTS -> file == null ? KnownHostsFileVerification.userDefault()
                    : new KnownHostsFileVerification(file);
            case PINNED -> new PinnedHostKeyVerification(String.join("\n", pins));
            case TRUST_ON_FIRST_USE -> new TrustOnFirstUseVerification(file != null ? file
                    : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), notices);
            case NONE -> new NoHostKeyVerification(notices);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case KNOWN_HOSTS -> "known_hosts " + (file == null ? "~/.ssh/known_hosts" : file);
            case PINNED -> "pinned " + pins.size() + " key(s)";
            case TRUST_ON_FIRST_USE -> "trust on first use";
            case NONE -> "no host key verification";
        };
    }
}
