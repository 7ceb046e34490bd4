package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trusts the key a host offers the first time and records it in its own known_hosts file; from then on
 * only that key is accepted, and a changed key is refused like with {@link KnownHostsFileVerification}.
 * Each newly trusted key is reported to the notice callback, so the build log says what was trusted.
 */
public final class TrustOnFirstUseVerification extends HostKeyVerification {
    private static final Object LOCK = new Object();
    private final Path file;
    private final Consumer<String> notices;

    public TrustOnFirstUseVerification(Path file, Consumer<String> notices) {
        this.file = Objects.requireNonNull(file, "trust file").toAbsolutePath();
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    public Path file() {
        return file;
    }

    @Override
    public void verify(String host, int port, HostKey offered) throws HostKeyRejectedException {
        synchronized (LOCK) {
            KnownHostsFile known;
            try {
                known = KnownHostsFile.read(file);
            } catch (IOException e) {
                throw new HostKeyRejectedException("cannot read the trust-on-first-use file " + file + ": "
                        + e.getMessage());
            }
            if (known.keysFor(host, port).isEmpty() && !known.isRevoked(offered)) {
                try {
                    KnownHostsFile.append(file, host, port, offered);
                } catch (IOException e) {
                    throw new HostKeyRejectedException("cannot record the host key of " + where(host, port)
                            + " in " + file + ": " + e.getMessage());
                }
                notices.accept("Trusted the " + offered.type() + " host key " + offered.fingerprint() + " of "
                        + where(host, port) + " on first use; recorded in " + file);
                return;
            }
            KnownHostsFileVerification.check(known, file, host, port, offered);
        }
    }

    @Override
    public List<String> knownKeyTypes(String host, int port) {
        try {
            return KnownHostsFileVerification.typesOf(KnownHostsFile.read(file).keysFor(host, port));
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public List<String> expectedFingerprints(String host, int port) {
        try {
            return KnownHostsFile.read(file).keysFor(host, port).stream().map(HostKey::toString).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public List<String> openSshOptions(OpenSshHostKeyContext context) throws IOException {
        // ssh records the first key itself (accept-new) but cannot create the directory
        java.nio.file.Files.createDirectories(file.getParent());
        return List.of("UserKnownHostsFile=" + configPath(file), "GlobalKnownHostsFile=/dev/null",
                "StrictHostKeyChecking=accept-new");
    }

    @Override
    public String description() {
        return "trust on first use, recorded in " + file;
    }
}
