package io.jenkins.plugins.xcatha.exec.local;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Local-only behaviour; the shared behaviour is in LocalShellContractTest. */
public class LocalShellTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void timeoutKillsGrandchildrenToo() throws Exception {
        Path pidFile = tmp.getRoot().toPath().resolve("pid");
        try (LocalShell shell = new LocalShell()) {
            ShellException e = assertThrows(ShellException.class, () -> shell.run(Command.shell(
                    "sh -c 'sleep 60 & echo $! > \"$1\"; wait' sh \"$1\"", pidFile.toString())
                    .withTimeout(Duration.ofSeconds(1))));
            assertThat(e.phase(), is(ShellException.Phase.TIMEOUT));
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(io.jenkins.plugins.xcatha.exec.Processes.ends(pid, 5000), is(true));
    }

    @Test
    public void aPrefixRunsTheCommandLineThroughAnotherProgram() throws Exception {
        try (LocalShell shell = new LocalShell("wrapped", java.util.List.of("env", "XCATHA_PREFIX=yes"),
                ShellSettings.defaults())) {
            CommandResult r = shell.run(Command.shell("echo $XCATHA_PREFIX"));
            assertThat(r.stdout(), is("yes\n"));
            assertThat(r.durationMillis(), lessThan(10_000L));
        }
    }
}
