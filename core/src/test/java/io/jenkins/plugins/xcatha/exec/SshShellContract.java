package io.jenkins.plugins.xcatha.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.exec.ShellException.Phase;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKey;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFile;
import io.jenkins.plugins.xcatha.exec.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.NoHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.PinnedHostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.TrustOnFirstUseVerification;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The promises only an SSH shell makes: host keys, client keys, passphrases, secrets kept out of messages. */
public abstract class SshShellContract extends RemoteShellContract {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    private final List<String> collected = Collections.synchronizedList(new ArrayList<>());


    /** A key line of the node for the algorithms this client negotiates (RSA works with every client). */
    protected static HostKey rsaHostKey(SimulatedNode node) {
        return HostKey.parse(node.hostKeyLines().get("ssh-rsa"));
    }

    private ShellException failure(SimulatedNode node, HostKeyVerification hostKeys, SshCredentials credentials)
            throws Exception {
        RemoteShell s = shell(node, FAST, hostKeys, credentials);
        ShellException e = assertThrows(ShellException.class, () -> s.run(Command.of("true")));
        collected.add(e.getMessage());
        collected.add(s.toString());
        collected.add(credentials.toString());
        return e;
    }

    @Test
    public void aChangedHostKeyIsRefusedShowingExpectedAndOfferedFingerprints() throws Exception {
        SimulatedNode node = cluster.primary();
        SimulatedNode impostor = cluster.standby();
        node.clearAudit();
        Path file = tmp.newFile("known_hosts").toPath();
        StringBuilder lines = new StringBuilder();
        for (String line : impostor.hostKeyLines().values()) {
            lines.append(node.address()).append(' ').append(line).append('\n');
        }
        Files.writeString(file, lines);
        ShellException e = failure(node, new KnownHostsFileVerification(file), clientKey());
        assertThat(e.phase(), is(Phase.HOST_KEY));
        assertThat(e.getMessage(), allOf(containsString("HOST KEY CHANGED"), containsString(node.address()),
                containsString(rsaHostKey(impostor).fingerprint())));
        assertThat(e.getMessage(), org.hamcrest.Matchers.anyOf(containsString(rsaHostKey(node).fingerprint()),
                containsString(node.hostKeyFingerprint("ssh-ed25519")),
                containsString(node.hostKeyFingerprint("ecdsa-sha2-nistp256"))));
        assertThat(node.receivedCommands(), is(List.of()));
    }

    @Test
    public void anUnknownHostIsRefusedWithTheLineThatAddsIt() throws Exception {
        Path file = tmp.newFile("empty_known_hosts").toPath();
        ShellException e = failure(cluster.primary(), new KnownHostsFileVerification(file), clientKey());
        assertThat(e.phase(), is(Phase.HOST_KEY));
        assertThat(e.getMessage(), allOf(containsString("UNKNOWN HOST"),
                containsString("ssh-keyscan"), containsString(cluster.primary().address())));
    }

    @Test
    public void aPinnedRsaFingerprintIsAcceptedAndAnyOtherRefused() throws Exception {
        SimulatedNode node = cluster.primary();
        RemoteShell s = shell(node, FAST, new PinnedHostKeyVerification(rsaHostKey(node).fingerprint()), clientKey());
        assertThat(s.run(Command.of("hostname")).stdout(), is(node.hostname() + "\n"));
        ShellException e = failure(node, new PinnedHostKeyVerification(rsaHostKey(cluster.standby()).fingerprint()),
                clientKey());
        assertThat(e.phase(), is(Phase.HOST_KEY));
        assertThat(e.getMessage(), allOf(containsString(rsaHostKey(cluster.standby()).fingerprint()),
                containsString("not the pinned key")));
    }

    @Test
    public void anSshRsaKeyPinIsAcceptedWhateverSignatureTheClientNegotiates() throws Exception {
        SimulatedNode node = cluster.primary();
        RemoteShell s = shell(node, FAST, new PinnedHostKeyVerification(node.hostKeyLines().get("ssh-rsa")), clientKey());
        assertThat(s.run(Command.of("true")).exitCode(), is(0));
    }

    @Test
    public void trustOnFirstUseRecordsTheKeyAndLaterRefusesAnotherOne() throws Exception {
        SimulatedNode node = cluster.standby();
        Path file = tmp.getRoot().toPath().resolve("trusted/known_hosts");
        List<String> notices = new ArrayList<>();
        RemoteShell first = shell(node, FAST, new TrustOnFirstUseVerification(file, notices::add), clientKey());
        assertThat(first.run(Command.of("true")).exitCode(), is(0));
        first.close();
        String recorded = Files.readString(file);
        assertThat(KnownHostsFile.read(file).keysFor(node.address(), node.port()).isEmpty(), is(false));
        RemoteShell again = shell(node, FAST, new TrustOnFirstUseVerification(file, notices::add), clientKey());
        assertThat(again.run(Command.of("true")).exitCode(), is(0));
        assertThat(Files.readString(file), is(recorded));
        // the primary's address, recorded with the standby's keys: what an impostor would look like
        StringBuilder impostor = new StringBuilder();
        for (String line : node.hostKeyLines().values()) {
            impostor.append(cluster.primary().address()).append(' ').append(line).append('\n');
        }
        Files.writeString(file, impostor);
        ShellException e = failure(cluster.primary(), new TrustOnFirstUseVerification(file, notices::add), clientKey());
        assertThat(e.phase(), is(Phase.HOST_KEY));
        assertThat(e.getMessage(), containsString("CHANGED"));
    }

    @Test
    public void noVerificationWarnsOnEveryConnection() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            RemoteShell s = shell(cluster.primary(), FAST, new NoHostKeyVerification(warnings::add), clientKey());
            s.run(Command.of("true"));
            s.run(Command.of("true"));
            s.close();
        }
        assertThat(warnings, hasSize(2));
        assertThat(warnings.get(0), containsString("WARNING: host key verification is OFF"));
    }

    @Test
    public void anEncryptedKeyWorksWithItsPassphraseAndFailsClearlyWithAWrongOne() throws Exception {
        String pem = cluster.encryptedClientKey().privateKeyPem();
        String passphrase = cluster.encryptedClientKey().passphrase();
        RemoteShell ok = shell(cluster.primary(), FAST, knownHosts(),
                SshCredentials.privateKey("root", pem.toCharArray(), passphrase.toCharArray()));
        assertThat(ok.run(Command.of("true")).exitCode(), is(0));
        ShellException wrong = failure(cluster.primary(), knownHosts(),
                SshCredentials.privateKey("root", pem.toCharArray(), "not-the-passphrase".toCharArray()));
        assertThat(wrong.phase(), is(Phase.AUTHENTICATION));
        assertThat(wrong.getMessage(), containsString("passphrase"));
        ShellException missing = failure(cluster.primary(), knownHosts(),
                SshCredentials.privateKey("root", pem.toCharArray(), null));
        assertThat(missing.phase(), is(Phase.AUTHENTICATION));
        assertThat(missing.getMessage(), containsString("passphrase"));
        assertNoSecrets(collected, secretLines(pem), passphrase);
    }

    @Test
    public void aKeyThatIsNotAKeyFailsAuthenticationClearly() throws Exception {
        ShellException e = failure(cluster.primary(), knownHosts(),
                SshCredentials.privateKey("root", "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n".toCharArray(), null));
        assertThat(e.phase(), is(Phase.AUTHENTICATION));
        assertThat(e.getMessage(), containsString("root"));
    }

    @Test
    public void failingConnectionsNeverShowKeyOrPassphrase() throws Exception {
        String pem = cluster.clientKey().privateKeyPem();
        String encrypted = cluster.encryptedClientKey().privateKeyPem();
        String passphrase = cluster.encryptedClientKey().passphrase();
        failure(cluster.primary(), new KnownHostsFileVerification(tmp.newFile("none").toPath()),
                SshCredentials.privateKey("root", pem.toCharArray(), null));
        failure(cluster.primary(), knownHosts(),
                SshCredentials.privateKey("root", encrypted.toCharArray(), (passphrase + "x").toCharArray()));
        failure(cluster.primary(), knownHosts(), SshCredentials.privateKey("nobody", pem.toCharArray(), null));
        assertNoSecrets(collected, secretLines(pem), secretLines(encrypted), passphrase);
    }

    /** A line from the middle of the key body: any leak of key text contains one. */
    protected static String secretLines(String pem) {
        String[] lines = pem.split("\n");
        return lines[lines.length / 2];
    }

    @Test
    public void aSilentNodeFailsTheCommandWithinItsTimeoutInsteadOfHanging() throws Exception {
        RemoteShell s = shell();
        assertThat(s.run(Command.of("true")).exitCode(), is(0));
        cluster.primary().dropNetwork();
        long start = System.nanoTime();
        ShellException e = assertThrows(ShellException.class,
                () -> s.run(Command.of("true").withTimeout(Duration.ofSeconds(3))));
        assertThat(e.phase(), org.hamcrest.Matchers.oneOf(Phase.TIMEOUT, Phase.CONNECT, Phase.COMMAND));
        assertThat(e.getMessage(), containsString(s.target()));
        assertThat(elapsedSeconds(start), lessThan(20L));
        cluster.primary().restoreNetwork();
        assertThat(s.run(Command.of("echo", "back")).stdout(), is("back\n"));
    }


    @Test
    public void connectionRetriesReachANodeThatAnswersLate() throws Exception {
        cluster.standby().dropNetwork();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> {
                Thread.sleep(2500);
                cluster.standby().restoreNetwork();
                return null;
            });
            ShellSettings patient = FAST.withConnectionTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(2)).withConnectAttempts(6, Duration.ofMillis(300));
            CommandResult r = shell(cluster.standby(), patient).run(Command.of("hostname"));
            assertThat(r.stdout(), is(cluster.standby().hostname() + "\n"));
        } finally {
            pool.shutdownNow();
        }
    }


    @Test
    public void aNodeThatNeverAnswersFailsAfterTheConfiguredAttemptsNamingHostPortAndPhase() throws Exception {
        cluster.standby().dropNetwork();
        ShellSettings impatient = FAST.withConnectionTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1)).withConnectAttempts(2, Duration.ofMillis(200));
        long start = System.nanoTime();
        RemoteShell s = shell(cluster.standby(), impatient);
        ShellException e = assertThrows(ShellException.class, () -> s.run(Command.of("true")));
        assertThat(e.getMessage(), allOf(containsString(cluster.standby().address() + ":22"),
                containsString("failed")));
        assertThat(e.phase(), org.hamcrest.Matchers.oneOf(Phase.CONNECT, Phase.KEY_EXCHANGE));
        assertThat(elapsedSeconds(start), lessThan(20L));
    }

}
