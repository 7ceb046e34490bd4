package io.jenkins.plugins.xcatha.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** xcat-ha failover end to end through the command line: refusals, a planned failover, and what comes next. */
public class FailoverCommandTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private List<String> failover(String... extra) {
        SimulatedCluster cluster = sim.cluster();
        List<String> args = new ArrayList<>(List.of("failover", "--primary", cluster.primary().address(),
                "--standby", cluster.standby().address(), "--virtual-ip", cluster.virtualIp() + "/8", "--interface", "eth0",
                "--connect-timeout", "3"));
        args.addAll(SimulatedPair.sshOptions(cluster));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    public void plannedFailoverThenTheOldPrimaryPreparedAsStandby() throws Exception {
        for (String s : List.of("xcatd", "dhcpd", "conserver")) {
            sim.standby().inject(Fault.serviceStopped(s));
            sim.standby().inject(Fault.serviceDisabled(s));
        }
        Path out = tmp.getRoot().toPath();
        Cli check = Cli.run(failover("--planned", "--check").toArray(new String[0]));
        assertThat(check.toString(), check.exitCode, is(ExitCode.SUCCESS));
        assertThat(check.out, containsString("would configure the virtual IP"));

        Cli cli = Cli.run(failover("--planned", "--out", out.toString()).toArray(new String[0]));
        assertThat(cli.toString(), cli.exitCode, is(ExitCode.SUCCESS));
        assertThat(cli.out, containsString("deactivate-primary   CHANGED"));
        assertThat(cli.out, containsString("Next: prepare the old primary " + sim.primary().address()
                + " as the new standby: xcat-ha standby-prepare --primary " + sim.standby().address() + " --standby "
                + sim.primary().address()));
        assertThat(Files.readString(out.resolve("xcat-ha/failover/report.json")), containsString("\"procedure\" : \"failover\""));

        List<String> prepare = new ArrayList<>(List.of("standby-prepare", "--primary", sim.standby().address(),
                "--standby", sim.primary().address()));
        prepare.addAll(SimulatedPair.sshOptions(sim.cluster()));
        Cli next = Cli.run(prepare.toArray(new String[0]));
        assertThat(next.toString(), next.exitCode, is(ExitCode.SUCCESS));
    }

    @Test
    public void anUnreachablePrimaryNeedsPrimaryDown() {
        sim.primary().inject(Fault.primaryUnreachable());
        Cli cli = Cli.run(failover().toArray(new String[0]));
        assertThat(cli.toString(), cli.exitCode, is(ExitCode.FAILURE));
        assertThat(cli.out, containsString("unreachable is not down"));
        assertThat(cli.out, containsString("--primary-down"));
    }

    @Test
    public void badVirtualIpIsBadUsage() {
        Cli cli = Cli.run("failover", "--primary", "mn1", "--standby", "mn2", "--virtual-ip", "10.0.0.1",
                "--interface", "eth0", "--planned");
        assertThat(cli.toString(), cli.exitCode, is(ExitCode.USAGE));
        assertThat(cli.err, containsString("--virtual-ip"));
    }

    @Test
    public void aBadVolumeGroupIsBadUsageInTheCommandLinesWords() {
        Cli cli = Cli.run("failover", "--primary", "mn1", "--standby", "mn2", "--virtual-ip", "10.0.0.1/24",
                "--interface", "en0", "--planned", "--shared-vg", "xcat vg");
        assertThat(cli.toString(), cli.exitCode, is(ExitCode.USAGE));
        assertThat(cli.err, containsString("--shared-vg: 'xcat vg' is not an AIX volume group name"));
    }

    @Test
    public void theVolumeGroupIsNamedOnlyOnAix() {
        Cli cli = Cli.run(failover("--planned", "--shared-vg", "xcatvg").toArray(new String[0]));
        assertThat(cli.toString(), cli.exitCode, is(ExitCode.FAILURE));
        assertThat(cli.out, containsString("--shared-vg is for AIX volume groups"));
    }
}
