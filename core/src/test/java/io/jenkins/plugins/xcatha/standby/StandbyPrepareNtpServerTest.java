package io.jenkins.plugins.xcatha.standby;

import static io.jenkins.plugins.xcatha.standby.SimulatedPair.explain;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.message;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Environment;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.ServiceState;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.List;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

/** ntpServer: both nodes' time daemons pointed at the given server once, and restarted, on AIX and Linux. */
public class StandbyPrepareNtpServerTest {
    private static final String SERVER = "ntp.example.org";
    private final StandbyPrepareOptions options = StandbyPrepareOptions.builder().ntpServer(SERVER)
            .hpcDaemons(List.of()).build();

    @Before
    public void nodesCanRun() {
        String problem = Environment.problem();
        Assume.assumeTrue("simulated xCAT nodes cannot run here: " + problem, problem == null);
    }

    @Test
    public void aixXntpdGetsTheServerInNtpConfAndIsRestartedThroughSrcOnce() {
        try (SimulatedCluster sim = SimulatedCluster.startPair(Flavour.AIX7, DbEngine.SQLITE)) {
            ProcedureReport first = SimulatedPair.run(sim, options);
            assertThat(explain(first), status(first, "time-sync"), is(Status.CHANGED));
            for (SimulatedNode node : sim.nodes()) {
                assertThat(message(first, "time-sync"), containsString("pointed xntpd on " + node.role() + " "
                        + node.address() + " at " + SERVER));
                assertThat(node.readFile("/etc/ntp.conf"), containsString("\nserver " + SERVER + "\n"));
                assertThat(node.readFile("/etc/ntp.conf.xcat-ha.bak"), is("server 10.0.0.254\ndriftfile /etc/ntp.drift\n"));
                assertThat(node.invocations("stopsrc"), hasItem(List.of("stopsrc", "-s", "xntpd")));
                assertThat(node.invocations("startsrc"), hasItem(List.of("startsrc", "-s", "xntpd")));
                assertThat(node.service("xntpd"), is(new ServiceState("xntpd", true, true, true)));
            }
            ProcedureReport second = SimulatedPair.run(sim, options);
            assertThat(explain(second), status(second, "time-sync"), is(Status.OK));
        }
    }

    @Test
    public void linuxChronyGetsTheServerAndIsRestartedOnce() {
        try (SimulatedCluster sim = SimulatedCluster.startPair(Flavour.RHEL9, DbEngine.SQLITE)) {
            for (SimulatedNode node : sim.nodes()) {
                node.writeFile("/etc/chrony.conf", "pool 2.rhel.pool.ntp.org iburst\ndriftfile /var/lib/chrony/drift\n");
            }
            ProcedureReport first = SimulatedPair.run(sim, options);
            assertThat(explain(first), status(first, "time-sync"), is(Status.CHANGED));
            for (SimulatedNode node : sim.nodes()) {
                assertThat(node.readFile("/etc/chrony.conf"), containsString("\nserver " + SERVER + " iburst\n"));
                assertThat(node.invocations("systemctl"), hasItem(List.of("systemctl", "start", "chronyd")));
                assertThat(node.service("chronyd"), is(new ServiceState("chronyd", true, true, true)));
            }
            ProcedureReport second = SimulatedPair.run(sim, options);
            assertThat(explain(second), status(second, "time-sync"), is(Status.OK));
        }
    }
}
