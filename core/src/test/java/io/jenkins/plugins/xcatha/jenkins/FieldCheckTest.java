package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.util.Optional;
import org.junit.Test;

public class FieldCheckTest {

    @Test
    public void acceptsHostsWithAndWithoutPort() {
        assertThat(FieldCheck.host("primary", "mn1.cluster"), equalTo(Optional.empty()));
        assertThat(FieldCheck.host("primary", "10.0.0.1:2222"), equalTo(Optional.empty()));
        assertThat(FieldCheck.host("standby", "[fd00::2]:22"), equalTo(Optional.empty()));
    }

    @Test
    public void refusesHostileHostNamesNamingFieldAndValue() {
        String problem = FieldCheck.host("standby", "mn2;reboot").orElseThrow();
        assertThat(problem, containsString("standby"));
        assertThat(problem, containsString("'mn2;reboot'"));
        assertThat(FieldCheck.host("primary", "-oProxyCommand=x").isPresent(), equalTo(true));
        assertThat(FieldCheck.host("primary", "mn1:99999").orElseThrow(), containsString("invalid port '99999'"));
    }

    @Test
    public void requiredHostMustBeGivenButOptionalOneMayBeEmpty() {
        assertThat(FieldCheck.host("primary", " ").orElseThrow(), containsString("primary"));
        assertThat(FieldCheck.optionalHost("standby", ""), equalTo(Optional.empty()));
    }

    @Test
    public void backupFieldsAreCheckedAsTheBackupChecksThem() {
        assertThat(FieldCheck.backupRoot(""), equalTo(Optional.empty()));
        assertThat(FieldCheck.backupRoot("/data/xcat-backups"), equalTo(Optional.empty()));
        assertThat(FieldCheck.backupRoot("/var/backup/my dumps").orElseThrow(),
                containsString("backupRoot: '/var/backup/my dumps' contains characters dumpxCATdb cannot handle"));
        assertThat(FieldCheck.dumpTimeoutSeconds("1800"), equalTo(Optional.empty()));
        assertThat(FieldCheck.dumpTimeoutSeconds("5").orElseThrow(), containsString("dumpTimeoutSeconds"));
        assertThat(FieldCheck.dumpTimeoutSeconds("half an hour").orElseThrow(), containsString("'half an hour'"));
    }

    @Test
    public void ntpServerMayBeEmptyButNotHostile() {
        assertThat(FieldCheck.ntpServer(""), equalTo(Optional.empty()));
        assertThat(FieldCheck.ntpServer("ntp1.example.com"), equalTo(Optional.empty()));
        assertThat(FieldCheck.ntpServer("ntp1;reboot").orElseThrow(), containsString("ntpServer: 'ntp1;reboot'"));
    }

    @Test
    public void pathsMustBeAbsoluteWithoutParentSteps() {
        assertThat(FieldCheck.path("backupRoot", "/var/backup/xcat", true), equalTo(Optional.empty()));
        assertThat(FieldCheck.path("backupRoot", "", false), equalTo(Optional.empty()));
        assertThat(FieldCheck.path("backupRoot", "backups", true).orElseThrow(),
                equalTo("backupRoot: 'backups' is not an absolute path"));
        assertThat(FieldCheck.paths("sharedDirs", "/etc/xcat\n/install,/tftpboot"), equalTo(Optional.empty()));
        assertThat(FieldCheck.paths("sharedDirs", "/etc/xcat\n/install/../etc").orElseThrow(),
                containsString("must not contain '..'"));
    }

    @Test
    public void numbersAreWholeAndInRange() {
        assertThat(FieldCheck.number("keep", "7", 1, 10_000, true), equalTo(Optional.empty()));
        assertThat(FieldCheck.number("keep", "seven", 1, 10_000, true).orElseThrow(),
                equalTo("keep: 'seven' is not a whole number"));
        assertThat(FieldCheck.number("keep", "0", 1, 10_000, true).orElseThrow(),
                equalTo("keep: 0 is out of range (1 to 10000)"));
        assertThat(FieldCheck.number("maxAgeDays", "", 1, 36_500, false), equalTo(Optional.empty()));
        assertThat(FieldCheck.number("keep", "", 1, 10_000, true).orElseThrow(),
                equalTo("keep: a number is required"));
    }

    @Test
    public void connectionFieldsRefuseWhatARunRefusesWithTheSameWords() {
        assertThat(FieldCheck.port("22"), equalTo(Optional.empty()));
        assertThat(FieldCheck.port("65536").orElseThrow(),
                equalTo(runRefuses(Invocation.builder(Invocation.Procedure.DB_BACKUP).primary("mn1").port(65_536))));
        assertThat(FieldCheck.commandTimeoutSeconds("86401").orElseThrow(), equalTo(runRefuses(
                Invocation.builder(Invocation.Procedure.DB_BACKUP).primary("mn1").commandTimeoutSeconds(86_401))));
        assertThat(FieldCheck.connectTimeoutSeconds("0").orElseThrow(), equalTo(runRefuses(
                Invocation.builder(Invocation.Procedure.DB_BACKUP).primary("mn1").connectTimeoutSeconds(0))));
        assertThat(FieldCheck.connectTimeoutSeconds("3600"), equalTo(Optional.empty()));
        assertThat(FieldCheck.commandTimeoutSeconds(""), equalTo(Optional.of("commandTimeoutSeconds: a number is required")));
    }

    private static String runRefuses(Invocation.Builder request) {
        return assertThrows(InvalidInputException.class, request::build).getMessage();
    }

    @Test
    public void namesRefuseShellCharacters() {
        assertThat(FieldCheck.names("hpcDaemons", "teal, cnm loadl"), equalTo(Optional.empty()));
        assertThat(FieldCheck.names("hpcDaemons", "teal,$(reboot)").orElseThrow(),
                containsString("'$(reboot)' is not a valid name"));
    }

    @Test
    public void hostKeyPinIsAFingerprintOrAKeyLine() {
        assertThat(FieldCheck.hostKey("SHA256:" + "A".repeat(43)), equalTo(Optional.empty()));
        assertThat(FieldCheck.hostKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBf0 root@mn1"), equalTo(Optional.empty()));
        assertThat(FieldCheck.hostKey("SHA256:short").orElseThrow(), containsString("not a SHA256 fingerprint"));
        assertThat(FieldCheck.hostKey("").orElseThrow(), containsString("hostKeyVerification.key"));
        assertThat(FieldCheck.knownHostsFile(""), equalTo(Optional.empty()));
        assertThat(FieldCheck.knownHostsFile("known_hosts").orElseThrow(), containsString("not an absolute path"));
    }
}
