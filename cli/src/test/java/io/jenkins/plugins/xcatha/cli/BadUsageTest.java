package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.File;
import java.nio.file.Files;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Bad input ends with exit 2 and a message naming the option and the value, before any host is touched. */
public class BadUsageTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static void assertUsage(Cli cli, String... fragments) {
        assertThat(cli.toString(), cli.exitCode, is(ExitCode.USAGE));
        for (String fragment : fragments) {
            assertThat(cli.toString(), cli.err, containsString(fragment));
        }
    }

    @Test
    public void hostileHostNameIsRefusedNamingOptionAndValue() {
        assertUsage(Cli.run("db-backup", "--host", "mn1;reboot"), "--host", "'mn1;reboot'");
    }

    @Test
    public void portOutOfRangeIsRefused() {
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1:70000", "--standby", "mn2"), "--primary",
                "'mn1:70000'", "invalid port '70000'");
    }

    @Test
    public void missingRequiredOptionIsNamed() {
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1"), "--standby");
    }

    @Test
    public void nonNumericValueIsNamed() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--keep", "seven"), "--keep", "'seven'");
    }

    @Test
    public void standbyCannotBeThePrimary() {
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1", "--standby", "mn1:22"), "--standby", "'mn1:22'",
                "is the primary too");
    }

    @Test
    public void missingIdentityFileIsNamed() {
        String missing = new File(tmp.getRoot(), "no-such-key").getPath();
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--identity", missing), "--identity", missing);
    }

    @Test
    public void hostKeyChoicesExcludeEachOther() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--trust-on-first-use", "--no-host-key-check"),
                "--trust-on-first-use", "--no-host-key-check");
    }

    @Test
    public void malformedHostKeyFingerprintIsNamed() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--host-key", "MD5:ab:cd"), "--host-key", "'MD5:ab:cd'");
    }

    @Test
    public void timeoutOutOfRangeIsNamed() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--connect-timeout", "0"), "--connect-timeout", "0");
    }

    @Test
    public void unknownTransportListsTheChoices() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--transport", "telnet"), "--transport", "telnet",
                "openssh");
    }

    @Test
    public void collectNeedsAnOutputFolder() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--collect"), "--collect", "--out");
    }

    @Test
    public void badOptionsCreateNoArtifactFolder() {
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1", "--standby", "mn2", "--max-clock-skew", "-1",
                "--out", tmp.getRoot().getPath()), "--max-clock-skew", "-1");
        assertThat(Files.exists(tmp.getRoot().toPath().resolve("xcat-ha")), is(false));
    }

    @Test
    public void standbyPrepareCollectsItsBackupOnlyWithAnOutputFolder() {
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1", "--standby", "mn2", "--backup-database",
                "--collect"), "--collect", "--out", "xcat-ha/standby-prepare");
    }

    @Test
    public void dumpTimeoutOutOfRangeIsNamed() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--dump-timeout", "5"), "--dump-timeout", "5");
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1", "--standby", "mn2", "--backup-database",
                "--backup-root", "/var/backup/$(reboot)"), "--backup-root", "'/var/backup/$(reboot)'");
    }

    @Test
    public void nativeBackupExcludesAllTables() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--native", "--all-tables"), "--native", "--all-tables");
    }

    @Test
    public void relativeBackupRootIsNamed() {
        assertUsage(Cli.run("db-backup", "--host", "mn1", "--backup-root", "backups"), "--backup-root", "'backups'");
    }

    @Test
    public void unknownHpcDaemonIsNamed() {
        assertUsage(Cli.run("standby-prepare", "--primary", "mn1", "--standby", "mn2", "--hpc-daemons", "gpfs,slurm"),
                "--hpc-daemons", "'slurm'");
    }

    @Test
    public void faultMustNameTheNode() {
        assertUsage(Cli.run("simulate", "--fault", "clock-skew=30"), "--fault", "'clock-skew=30'",
                "standby:clock-skew=30");
    }

    @Test
    public void unknownFaultIsNamed() {
        assertUsage(Cli.run("simulate", "--fault", "standby:bogus"), "--fault", "'standby:bogus'", "unknown fault");
    }

    @Test
    public void unknownFlavourListsTheFlavours() {
        assertUsage(Cli.run("demo", "--flavour", "windows"), "--flavour", "'windows'", "rhel9");
    }

    @Test
    public void noCommandIsBadUsage() {
        assertUsage(Cli.run(), "a command is required");
    }

    @Test
    public void everyCommandHasHelpWithExamples() {
        for (String command : new String[] {"standby-prepare", "db-backup", "simulate", "demo"}) {
            Cli cli = Cli.run(command, "--help");
            assertThat(cli.toString(), cli.exitCode, is(ExitCode.SUCCESS));
            assertThat(cli.out, allOf(containsString("Usage: xcat-ha " + command), containsString("Examples:"),
                    containsString("xcat-ha " + command + " ")));
        }
    }
}
