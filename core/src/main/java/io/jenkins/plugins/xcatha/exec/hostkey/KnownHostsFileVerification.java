package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Accepts a host only with a key listed for it in an OpenSSH known_hosts file (the default strategy).
 * An unknown host or a changed key is refused; the file is never written.
 */
public final class KnownHostsFileVerification extends HostKeyVerification {
    private final Path file;

    public KnownHostsFileVerification(Path file) {
        this.file = Objects.requireNonNull(file, "known_hosts file").toAbsolutePath();
    }

    /** {@code ~/.ssh/known_hosts} of the user running this code. */
    public static KnownHostsFileVerification userDefault() {
        return new KnownHostsFileVerification(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    public Path file() {
        return file;
    }

    private KnownHostsFile load() {
        try {
            return KnownHostsFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known_hosts file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void verify(String host, int port, HostKey offered) throws HostKeyRejectedException {
        KnownHostsFile known;
        try {
            known = load();
        } catch (UncheckedIOException e) {
            throw new HostKeyRejectedException(e.getMessage());
        }
        check(known, file, host, port, offered);
    }

    static void check(KnownHostsFile known, Path file, String host, int port, HostKey offered)
            throws HostKeyRejectedException {
        String name = where(host, port);
        if (known.isRevoked(offered)) {
            throw new HostKeyRejectedException("the " + offered.type() + " host key offered by " + name + " ("
                    + offered.fingerprint() + ") is marked @revoked in " + file);
        }
        List<HostKey> keys = known.keysFor(host, port);
        if (keys.contains(offered)) {
            return;
        }
        List<String> sameType = new ArrayList<>();
        List<String> otherTypes = new ArrayList<>();
        for (HostKey k : keys) {
            (k.type().equals(offered.type()) ? sameType : otherTypes).add(k.fingerprint() + " (" + k.type() + ")");
        }
        if (!sameType.isEmpty()) {
            throw new HostKeyRejectedException("HOST KEY CHANGED: the " + offered.type() + " host key offered by "
                    + name + " is " + offered.fingerprint() + " but " + file + " expects " + String.join(", ", sameType)
                    + ". Someone may be intercepting the connection, or the node was reinstalled. Only after"
                    + " confirming the new key with the node's administrator: ssh-keygen -R '" + name + "' -f "
                    + file + " and add the new key (" + keyscanLine(host, port, offered.type()) + " >> " + file + ").");
        }
        String hint = "After checking the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_"
                + keyscanType(offered.type()) + "_key.pub), add it: " + keyscanLine(host, port, offered.type())
                + " >> " + file;
        if (!otherTypes.isEmpty()) {
            throw new HostKeyRejectedException(name + " is known in " + file + " only by " + String.join(", ", otherTypes)
                    + ", but this connection negotiated its " + offered.type() + " key (" + offered.fingerprint()
                    + "), which the file does not list. " + hint);
        }
        throw new HostKeyRejectedException("UNKNOWN HOST: " + name + " is not in " + file + "; it offered the "
                + offered.type() + " key " + offered.fingerprint() + ". " + hint);
    }

    @Override
    public List<String> knownKeyTypes(String host, int port) {
        return typesOf(load().keysFor(host, port));
    }

    static List<String> typesOf(List<HostKey> keys) {
        List<String> types = new ArrayList<>();
        for (HostKey k : keys) {
            if (!types.contains(k.type())) {
                types.add(k.type());
            }
        }
        return types;
    }

    @Override
    public List<String> expectedFingerprints(String host, int port) {
        return load().keysFor(host, port).stream().map(HostKey::toString).toList();
    }

    @Override
    public List<String> openSshOptions(OpenSshHostKeyContext context) {
        return List.of("UserKnownHostsFile=" + configPath(file), "StrictHostKeyChecking=yes");
    }

    @Override
    public String description() {
        return "known_hosts file " + file;
    }
}
