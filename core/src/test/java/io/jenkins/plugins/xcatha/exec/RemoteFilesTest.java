package io.jenkins.plugins.xcatha.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.exec.local.LocalShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Putting and reading small files with nothing but POSIX sh and POSIX tools on PATH, as on an AIX management
 * node: no mktemp, dirname, chown, stat, sha256sum or sync, and cp, mv, chmod, cat, mkdir and rm that refuse
 * every GNU long option (the contract suites check the same put over SSH on a simulated node).
 */
public class RemoteFilesTest {
    private static final List<String> POSIX_TOOLS = List.of("cat", "cp", "mv", "chmod", "mkdir", "rm");

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private Path toolLog;
    private LocalShell shell;
    private final List<Command> commands = new ArrayList<>();
    private RemoteFiles files;

    @Before
    public void posixOnlyShell() throws IOException {
        Path bin = tmp.newFolder("bin").toPath();
        toolLog = tmp.getRoot().toPath().resolve("tools.log");
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("/bin/sh"));
        for (String tool : POSIX_TOOLS) {
            Path real = Stream.of("/bin/" + tool, "/usr/bin/" + tool).map(Path::of).filter(Files::isExecutable)
                    .findFirst().orElseThrow();
            Path shim = bin.resolve(tool);
            Files.writeString(shim, "#!/bin/sh\n"
                    + "echo \"" + tool + " $*\" >> '" + toolLog + "'\n"
                    + "for a; do case $a in --*) echo \"" + tool + ": GNU-only option $a\" >&2; exit 64;; esac; done\n"
                    + "exec " + real + " \"$@\"\n");
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        dir = tmp.newFolder("etc").toPath();
        shell = new LocalShell("aix-like", List.of("/usr/bin/env", "-i", "PATH=" + bin, "LANG=C"),
                ShellSettings.defaults());
        files = new RemoteFiles(shell.target(), command -> {
            commands.add(command);
            return shell.run(command.inDirectory(dir.toString()));
        });
    }

    @After
    public void closeShell() {
        shell.close();
    }

    @Test
    public void aNewFileIsCreatedWithTheGivenModeAndNoBackup() throws Exception {
        Path conf = dir.resolve("ntp.conf");

        assertThat(files.putFile(conf.toString(), bytes("server 10.0.0.254\n"), "640"), is(true));

        assertThat(Files.readString(conf), is("server 10.0.0.254\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)), is("rw-r-----"));
        assertThat(listing(), is(List.of("ntp.conf")));
    }

    @Test
    public void changedContentReplacesTheFileKeepingModeOwnerAndABackupOfTheOldOne() throws Exception {
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "driftfile /etc/ntp.drift\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));
        UserPrincipal nobody = conf.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(conf, nobody);

        assertThat(files.putFile(conf.toString(), bytes("driftfile /etc/ntp.drift\nserver mn0\n"), "600"), is(true));

        assertThat(Files.readString(conf), is("driftfile /etc/ntp.drift\nserver mn0\n"));
        assertThat(Files.readString(dir.resolve("ntp.conf" + RemoteFiles.BACKUP_SUFFIX)), is("driftfile /etc/ntp.drift\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)), is("rw-r-----"));
        assertThat(Files.getOwner(conf), is(nobody));
        assertThat(listing(), is(List.of("ntp.conf", "ntp.conf.xcat-ha.bak")));
    }

    @Test
    public void theSameContentAgainRunsNoCommandThatWrites() throws Exception {
        Path conf = dir.resolve("authorized_keys");
        Files.writeString(conf, "ssh-rsa AAAA root@mn1\n");
        commands.clear();

        assertThat(files.putFile(conf.toString(), bytes("ssh-rsa AAAA root@mn1\n"), "600"), is(false));

        assertThat(commands.size(), is(1));
        assertThat(commands.get(0).hasStdin(), is(false));
        assertThat(toolLog(), is(List.of("cat " + conf)));
        assertThat(listing(), is(List.of("authorized_keys")));
    }

    @Test
    public void onlyPosixToolsRunAndTheContentGoesThroughStdinNeverTheCommandLine() throws Exception {
        String secretLooking = "server do-not-show-me.example\n";
        files.putFile(dir.resolve("a").toString(), bytes("old\n"), "644");
        files.putFile(dir.resolve("a").toString(), bytes(secretLooking), "644");
        files.putFile(dir.resolve("new/b").toString(), bytes(secretLooking), "600", "700");

        List<String> toolsRun = toolLog().stream().map(l -> l.split(" ")[0]).distinct().collect(Collectors.toList());
        assertThat(toolsRun, everyItem(is(oneOf(POSIX_TOOLS.toArray()))));
        assertThat(commands.stream().map(Command::toShellLine).collect(Collectors.toList()),
                everyItem(not(containsString("do-not-show-me"))));
        assertThat(Files.readString(dir.resolve("new/b")), is(secretLooking));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))), is("rwx------"));
    }

    @Test
    public void aMissingDirectoryIsAnErrorUnlessItsModeIsGiven() throws Exception {
        String path = dir.resolve("missing/conf").toString();

        ShellException e = assertThrows(ShellException.class, () -> files.putFile(path, bytes("x\n"), "644"));

        assertThat(e.getMessage(), containsString(dir.resolve("missing") + ": no such directory"));
        assertThat(Files.exists(dir.resolve("missing")), is(false));
    }

    @Test
    public void hostilePathsAreQuotedNotRun() throws Exception {
        Path odd = dir.resolve("it's $(mkdir pwned) `mkdir pwned2`; conf");

        assertThat(files.putFile(odd.toString(), bytes("x\n"), "644"), is(true));
        assertThat(files.readText(odd.toString()), is(Optional.of("x\n")));

        assertThat(listing(), is(List.of(odd.getFileName().toString())));
    }

    @Test
    public void readTextTellsAMissingFileFromAnEmptyOne() throws Exception {
        Files.writeString(dir.resolve("empty"), "");

        assertThat(files.readText(dir.resolve("empty").toString()), is(Optional.of("")));
        assertThat(files.readText(dir.resolve("absent").toString()), is(Optional.empty()));
        ShellException e = assertThrows(ShellException.class, () -> files.readText(dir.toString()));
        assertThat(e.getMessage(), containsString("is not a regular file"));
    }

    @Test
    public void badArgumentsAreRefusedBeforeAnyCommandRuns() {
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> files.putFile("etc/ntp.conf", bytes("x"), "644"));
        assertThat(relative.getMessage(), containsString("'etc/ntp.conf'"));
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> files.putFile(dir.resolve("f").toString(), bytes("x"), "u+rw"));
        assertThat(mode.getMessage(), containsString("modeIfNew 'u+rw'"));
        IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
                () -> files.putFile(dir.resolve("f").toString(), new byte[] {(byte) 0xff, 0}, "644"));
        assertThat(binary.getMessage(), containsString("not UTF-8 text"));
        assertThat(commands, is(empty()));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private List<String> toolLog() throws IOException {
        return Files.exists(toolLog) ? Files.readAllLines(toolLog) : List.of();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void theSha256OfAFileComesFromOpensslOnANodeWithoutSha256sum() throws Exception {
        // AIX ships neither sha256sum nor shasum; openssl is there.
        Path bin = Path.of(tmp.getRoot().toString(), "bin");
        Files.createSymbolicLink(bin.resolve("openssl"), Path.of("/usr/bin/openssl"));
        Files.createSymbolicLink(bin.resolve("sed"), Path.of("/bin/sed"));
        Path data = dir.resolve("-site.csv");
        Files.writeString(data, "#key,value,comments,disable\n\"master\",\"10.0.0.1\",,\n");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(data)));

        assertThat(files.sha256(data.toString()), is(expected));
        assertThat(files.sha256(dir.resolve("absent").toString()), is((String) null));
    }
}
