package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** ssh-keygen, run in parallel: key generation is most of a cluster's start time. */
final class KeyMaker {
    /** Passphrase of the encrypted client key; known to tests on purpose. */
    static final String ENCRYPTED_KEY_PASSPHRASE = "xcat-ha-test-passphrase";

    private KeyMaker() {}

    /** Starts ssh-keygen; the future completes when the key pair exists. */
    static CompletableFuture<Void> generate(Path privateKey, String type, int bits, String format, String passphrase, String comment) {
        return CompletableFuture.runAsync(() -> {
            List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type));
            if (bits > 0) argv.addAll(List.of("-b", Integer.toString(bits)));
            if (format != null) argv.addAll(List.of("-m", format));
            argv.addAll(List.of("-N", passphrase == null ? "" : passphrase, "-C", comment, "-f", privateKey.toString()));
            ExecResult r = Shell.run(argv);
            if (r.exitCode() != 0) throw new IllegalStateException("ssh-keygen failed for " + privateKey + ": " + r);
        });
    }

    /**
     * The client keys, generated once per machine into BASE/client-keys and reused: a
     * 3072-bit RSA key takes seconds to make. They open only simulated nodes.
     */
    static synchronized Path clientKeys() {
        Path dir = RunDirectory.BASE.resolve("client-keys");
        if (Files.isRegularFile(dir.resolve("complete"))) return dir;
        try {
            Files.createDirectories(RunDirectory.BASE);
            Path tmp = Files.createTempDirectory(RunDirectory.BASE, "client-keys-new");
            CompletableFuture.allOf(
                    generate(tmp.resolve("id_rsa_pem"), "rsa", 3072, "PEM", null, "xcat-ha-testkit client"),
                    generate(tmp.resolve("id_rsa_pem_encrypted"), "rsa", 3072, "PEM", ENCRYPTED_KEY_PASSPHRASE, "xcat-ha-testkit client (encrypted)"),
                    generate(tmp.resolve("id_ed25519"), "ed25519", 0, null, null, "xcat-ha-testkit client (ed25519)")).join();
            Files.writeString(tmp.resolve("complete"), "");
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another JVM finished first: use its keys
                Shell.run("rm", "-rf", tmp.toString());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final int RSA_POOL_SIZE = 16;

    /**
     * A machine-wide pool of RSA key pairs for host keys and nodes' root keys. Making an RSA
     * key costs 0.2-1.5 s here; reusing pool keys across runs keeps a pair's start well under
     * two seconds. Within one cluster every key is used once.
     */
    static synchronized Path rsaPool() {
        Path dir = RunDirectory.BASE.resolve("rsa-pool");
        if (Files.isRegularFile(dir.resolve("complete"))) return dir;
        try {
            Files.createDirectories(RunDirectory.BASE);
            Path tmp = Files.createTempDirectory(RunDirectory.BASE, "rsa-pool-new");
            List<CompletableFuture<Void>> keys = new ArrayList<>();
            for (int i = 0; i < RSA_POOL_SIZE; i++) keys.add(generate(tmp.resolve("key" + i), "rsa", 2048, null, null, "pool"));
            CompletableFuture.allOf(keys.toArray(new CompletableFuture[0])).join();
            Files.writeString(tmp.resolve("complete"), "");
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Shell.run("rm", "-rf", tmp.toString());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies pool key {@code index} to {@code privateKey} (+ .pub with the given comment), mode 0600. */
    static void copyFromPool(int index, Path privateKey, String comment) {
        Path pool = rsaPool();
        try {
            Path source = pool.resolve("key" + Math.floorMod(index, RSA_POOL_SIZE));
            Files.createDirectories(privateKey.getParent());
            Files.copy(source, privateKey, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(privateKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            String[] pub = Files.readString(source.resolveSibling(source.getFileName() + ".pub")).trim().split(" ");
            Files.writeString(privateKey.resolveSibling(privateKey.getFileName() + ".pub"), pub[0] + " " + pub[1] + " " + comment + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "SHA256:..." as ssh-keygen -l prints it, from an OpenSSH public key line. */
    static String fingerprint(String publicKeyLine) {
        try {
            byte[] blob = java.util.Base64.getDecoder().decode(publicKeyLine.trim().split("\\s+")[1]);
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
