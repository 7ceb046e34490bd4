package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real keys and fingerprints from ssh-keygen, so the tests compare with what OpenSSH itself computes. */
final class SshKeygen {
    private SshKeygen() {
    }

    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }

    /** Generates a key pair of {@code type} (rsa, ed25519, ecdsa) and returns the public key line. */
    static String publicKey(Path dir, String name, String type) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString()));
        if (type.equals("rsa")) {
            argv.addAll(List.of("-b", "2048"));
        }
        run(argv.toArray(new String[0]));
        return Files.readString(dir.resolve(name + ".pub")).strip();
    }

    static String fingerprint(Path dir, String name) throws IOException, InterruptedException {
        return run("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve(name + ".pub").toString()).split(" ")[1];
    }
}
