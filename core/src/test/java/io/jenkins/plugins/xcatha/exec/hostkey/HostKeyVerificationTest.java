package io.jenkins.plugins.xcatha.exec.hostkey;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HostKeyVerificationTest {
    @ClassRule
    public static final TemporaryFolder TMP = new TemporaryFolder();
    private static Path dir;
    private static HostKey rsa;
    private static HostKey ed25519;
    private static HostKey otherRsa;
    private static String rsaFingerprint;
    private static String ed25519Line;

    @BeforeClass
    public static void generateKeys() throws Exception {
        dir = TMP.getRoot().toPath();
        rsa = HostKey.parse(SshKeygen.publicKey(dir, "rsa", "rsa"));
        ed25519Line = SshKeygen.publicKey(dir, "ed", "ed25519");
        ed25519 = HostKey.parse(ed25519Line);
        otherRsa = HostKey.parse(SshKeygen.publicKey(dir, "rsa2", "rsa"));
        rsaFingerprint = SshKeygen.fingerprint(dir, "rsa");
    }

    private Path knownHosts(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    public void fingerprintIsTheOneSshKeygenPrints() throws Exception {
        assertThat(rsa.fingerprint(), is(rsaFingerprint));
        assertThat(ed25519.fingerprint(), is(SshKeygen.fingerprint(dir, "ed")));
        assertThat(rsa.type(), is("ssh-rsa"));
        assertThat(ed25519.type(), is("ssh-ed25519"));
    }

    @Test
    public void knownHostsAcceptsTheListedKeyOnPort22AndOnBracketedPorts() throws Exception {
        Path f = knownHosts("plain", "mn1 " + rsa.toKeyLine() + "\n[mn2]:2222 " + rsa.toKeyLine() + " comment\n");
        KnownHostsFileVerification v = new KnownHostsFileVerification(f);
        v.verify("mn1", 22, rsa);
        v.verify("mn2", 2222, rsa);
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class, () -> v.verify("mn1", 2222, rsa));
        assertThat(e.getMessage(), containsString("UNKNOWN HOST: [mn1]:2222 is not in " + f));
    }

    @Test
    public void knownHostsFindsHashedEntriesWrittenBySshKeygen() throws Exception {
        Path f = knownHosts("hashed", "[10.1.2.3]:2222 " + rsa.toKeyLine() + "\nmn1,10.9.9.9 " + ed25519.toKeyLine() + "\n");
        SshKeygen.run("ssh-keygen", "-H", "-f", f.toString());
        assertThat(Files.readString(f), allOf(containsString("|1|"), org.hamcrest.Matchers.not(containsString("10.1.2.3"))));
        KnownHostsFileVerification v = new KnownHostsFileVerification(f);
        v.verify("10.1.2.3", 2222, rsa);
        v.verify("10.9.9.9", 22, ed25519);
        assertThat(v.knownKeyTypes("mn1", 22), contains("ssh-ed25519"));
    }

    @Test
    public void changedKeyShowsOfferedAndExpectedFingerprintsAndTheRemedy() throws Exception {
        Path f = knownHosts("changed", "[mn1]:2200 " + rsa.toKeyLine() + "\n");
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> new KnownHostsFileVerification(f).verify("mn1", 2200, otherRsa));
        assertThat(e.getMessage(), allOf(containsString("HOST KEY CHANGED"), containsString(otherRsa.fingerprint()),
                containsString(rsa.fingerprint()), containsString("ssh-keygen -R '[mn1]:2200' -f " + f)));
    }

    @Test
    public void unknownHostTellsHowToAddItWithSshKeyscan() throws Exception {
        Path f = knownHosts("empty", "");
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> new KnownHostsFileVerification(f).verify("mn9", 2022, rsa));
        assertThat(e.getMessage(), containsString("ssh-keyscan -p 2022 -t rsa mn9 >> " + f));
        assertThat(e.getMessage(), containsString(rsa.fingerprint()));
    }

    @Test
    public void aHostKnownOnlyByAnotherKeyTypeIsRefusedWithTheTypeToAdd() throws Exception {
        Path f = knownHosts("edonly", "mn1 " + ed25519.toKeyLine() + "\n");
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> new KnownHostsFileVerification(f).verify("mn1", 22, rsa));
        assertThat(e.getMessage(), allOf(containsString("only by " + ed25519.fingerprint()),
                containsString("ssh-keyscan -t rsa mn1")));
    }

    @Test
    public void wildcardsAndNegationsMatchLikeOpenSsh() {
        assertThat(KnownHostsFile.matches("*.cluster,!bad.cluster", "mn1.cluster"), is(true));
        assertThat(KnownHostsFile.matches("*.cluster,!bad.cluster", "bad.cluster"), is(false));
        assertThat(KnownHostsFile.matches("mn?", "mn1"), is(true));
        assertThat(KnownHostsFile.matches("mn?", "mn12"), is(false));
        assertThat(KnownHostsFile.matches("MN1", "mn1"), is(true));
    }

    @Test
    public void revokedKeysAreRefusedEvenWhenListed() throws Exception {
        Path f = knownHosts("revoked", "mn1 " + rsa.toKeyLine() + "\n@revoked * " + rsa.toKeyLine() + "\n");
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> new KnownHostsFileVerification(f).verify("mn1", 22, rsa));
        assertThat(e.getMessage(), containsString("@revoked"));
    }

    @Test
    public void pinnedKeyOrFingerprintIsAcceptedAndAnythingElseRefused() throws Exception {
        new PinnedHostKeyVerification(rsaFingerprint).verify("mn1", 22, rsa);
        new PinnedHostKeyVerification("# nodes\n" + ed25519Line + "\n").verify("mn1", 22, ed25519);
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> new PinnedHostKeyVerification(ed25519Line).verify("mn1", 2222, rsa));
        assertThat(e.getMessage(), allOf(containsString("HOST KEY MISMATCH"), containsString(rsa.fingerprint()),
                containsString("expected " + ed25519.fingerprint()), containsString("pin that key too"),
                containsString("ssh-keyscan -p 2222 -t rsa mn1")));
    }

    @Test
    public void anSshRsaPinKnowsItsKeyTypeSoClientsCanAskForIt() {
        assertThat(new PinnedHostKeyVerification(rsa.toKeyLine()).knownKeyTypes("mn1", 22), contains("ssh-rsa"));
        assertThat(new PinnedHostKeyVerification(rsaFingerprint).knownKeyTypes("mn1", 22), is(empty()));
    }

    @Test
    public void aMalformedPinIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PinnedHostKeyVerification("SHA256:tooshort"));
        assertThat(e.getMessage(), containsString("'SHA256:tooshort' is not a SHA256 fingerprint"));
        e = assertThrows(IllegalArgumentException.class, () -> new PinnedHostKeyVerification("ssh-rsa AAAA!!"));
        assertThat(e.getMessage(), containsString("not valid base64"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new PinnedHostKeyVerification("ssh-ed25519 " + rsa.toKeyLine().split(" ")[1]));
        assertThat(e.getMessage(), containsString("says ssh-ed25519 but the key is ssh-rsa"));
        assertThrows(IllegalArgumentException.class, () -> new PinnedHostKeyVerification("\n# only a comment\n"));
    }

    @Test
    public void trustOnFirstUseRecordsTheFirstKeyAndRefusesAChangedOne() throws Exception {
        Path f = dir.resolve("tofu/trusted_hosts");
        List<String> notices = new ArrayList<>();
        TrustOnFirstUseVerification v = new TrustOnFirstUseVerification(f, notices::add);
        v.verify("mn1", 2222, rsa);
        v.verify("mn1", 2222, rsa);
        assertThat(notices, hasSize(1));
        assertThat(notices.get(0), allOf(containsString(rsa.fingerprint()), containsString("[mn1]:2222")));
        assertThat(Files.readString(f), is("[mn1]:2222 " + rsa.toKeyLine() + "\n"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), is("rw-------"));
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class, () -> v.verify("mn1", 2222, otherRsa));
        assertThat(e.getMessage(), allOf(containsString("HOST KEY CHANGED"), containsString(rsa.fingerprint()),
                containsString(otherRsa.fingerprint())));
        v.verify("mn2", 22, otherRsa);
        assertThat(notices, hasSize(2));
    }

    @Test
    public void noVerificationWarnsOnEveryConnection() {
        List<String> warnings = new ArrayList<>();
        NoHostKeyVerification v = new NoHostKeyVerification(warnings::add);
        v.verify("mn1", 22, rsa);
        v.verify("mn1", 22, otherRsa);
        assertThat(warnings, hasSize(2));
        assertThat(warnings.get(1), allOf(containsString("WARNING: host key verification is OFF"),
                containsString(otherRsa.fingerprint())));
    }

    @Test
    public void openSshOptionsFollowTheStrategy() throws Exception {
        Path f = knownHosts("kh with space", "");
        assertThat(new KnownHostsFileVerification(f).openSshOptions(null),
                contains("UserKnownHostsFile=\"" + f + "\"", "StrictHostKeyChecking=yes"));
        assertThat(new TrustOnFirstUseVerification(dir.resolve("t"), s -> { }).openSshOptions(null),
                contains("UserKnownHostsFile=" + dir.resolve("t"), "GlobalKnownHostsFile=/dev/null",
                        "StrictHostKeyChecking=accept-new"));
        List<String> warnings = new ArrayList<>();
        OpenSshHostKeyContext ctx = context(List.of());
        assertThat(new NoHostKeyVerification(warnings::add).openSshOptions(ctx),
                contains("StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "GlobalKnownHostsFile=/dev/null"));
        assertThat(warnings, hasSize(1));
    }

    @Test
    public void aFingerprintPinForOpenSshKeepsOnlyTheScannedKeyThatMatches() throws Exception {
        OpenSshHostKeyContext ctx = context(List.of(ed25519, rsa));
        List<String> options = new PinnedHostKeyVerification(rsaFingerprint).openSshOptions(ctx);
        assertThat(options, allOf(org.hamcrest.Matchers.hasItem("StrictHostKeyChecking=yes"),
                org.hamcrest.Matchers.hasItem("HostKeyAlgorithms=rsa-sha2-512,rsa-sha2-256,ssh-rsa")));
        assertThat(Files.readString(ctx.privateDirectory().resolve("pinned_known_hosts")),
                is(PinnedHostKeyVerification.PIN_ALIAS + " " + rsa.toKeyLine() + "\n"));
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> new PinnedHostKeyVerification(otherRsa.fingerprint()).openSshOptions(ctx));
        assertThat(e.getMessage(), allOf(containsString(rsa.fingerprint()), containsString(ed25519.fingerprint()),
                containsString("expected " + otherRsa.fingerprint())));
    }

    private static OpenSshHostKeyContext context(List<HostKey> scanned) throws Exception {
        Path priv = Files.createTempDirectory(dir, "ctx");
        return new OpenSshHostKeyContext() {
            @Override
            public String host() {
                return "mn1";
            }

            @Override
            public int port() {
                return 2222;
            }

            @Override
            public Path privateDirectory() {
                return priv;
            }

            @Override
            public List<HostKey> scanHostKeys() {
                return scanned;
            }
        };
    }
}
