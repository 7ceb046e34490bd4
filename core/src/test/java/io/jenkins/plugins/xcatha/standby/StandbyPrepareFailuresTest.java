package io.jenkins.plugins.xcatha.standby;

import static io.jenkins.plugins.xcatha.standby.SimulatedPair.explain;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.message;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.ServiceState;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;

/** Failures while standby-prepare acts on the standby: each test gets a fresh pair, because runs change it. */
public class StandbyPrepareFailuresTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    @Test
    public void xcatdThatCannotStartFailsXcatdVerifyAndIsNotDisabled() {
        SimulatedNode standby = sim.standby();
        standby.inject(Fault.serviceStopped("xcatd"));
        standby.inject(Fault.xcatdCannotStart());
        ProcedureReport r = SimulatedPair.apply(sim.cluster());
        assertThat(explain(r), status(r, "xcatd-verify"), is(Status.FAILED));
        assertThat(message(r, "xcatd-verify"), allOf(containsString("xcatd cannot start on standby "
                + standby.address() + ": `systemctl start xcatd` exit 1: Job for xcatd.service failed"),
                containsString("xcatd must run with the standby's database before the standby is ready")));
        assertThat(explain(r), status(r, "stop-xcat-services"), is(Status.SKIPPED));
        assertThat(message(r, "stop-xcat-services"), containsString("it needs xcatd-verify, which did not succeed"));
        // Left as found, so that the administrator sees what failed: enabled at boot, not disabled.
        assertThat(standby.service("xcatd"), is(new ServiceState("xcatd", true, false, true)));
        assertThat(r.result(), is(Result.FAILURE));
    }

    @Test
    public void failingCommandIsReportedWithItsExitCodeAndError() {
        sim.standby().inject(Fault.commandFails("mmshutdown", 1, "mmshutdown: 6027-1242 GPFS is waiting for"
                + " quorum: the command cannot complete"));
        ProcedureReport r = SimulatedPair.apply(sim.cluster());
        assertThat(explain(r), status(r, "stop-hpc-daemons"), is(Status.FAILED));
        assertThat(message(r, "stop-hpc-daemons"), allOf(
                containsString("`/usr/lpp/mmfs/bin/mmshutdown` failed (exit 1: mmshutdown: 6027-1242 GPFS is waiting"),
                containsString("Check with `mmgetstate -L`")));
        // The other steps did their work.
        assertThat(explain(r), status(r, "stop-xcat-services"), is(Status.CHANGED));
        assertThat(sim.standby().service("xcatd"), is(new ServiceState("xcatd", true, false, false)));
    }

    @Test
    public void staleKnownHostsEntryForTheOtherNodeIsReplaced() {
        SimulatedNode primary = sim.primary();
        String wrongKey = primary.hostKeyLines().get("ssh-ed25519");
        String knownHosts = primary.sshDir() + "/known_hosts";
        primary.writeFile(knownHosts, sim.standby().hostname() + " " + wrongKey + "\n");
        ProcedureReport r = SimulatedPair.apply(sim.cluster());
        assertThat(explain(r), status(r, "ssh-trust"), is(Status.CHANGED));
        assertThat(message(r, "ssh-trust"), containsString("removed the stale known_hosts entry for "
                + sim.standby().hostname() + " on primary " + primary.address()));
        assertThat(explain(r), r.result(), is(Result.SUCCESS));
        String after = primary.readFile(knownHosts);
        assertThat(after.contains(wrongKey.split(" ")[1]), is(false));
    }

    @Test
    public void runAbortedWhileACommandHangsLeavesTheNodesConsistentAndARerunCompletes() throws Exception {
        SimulatedNode standby = sim.standby();
        standby.inject(Fault.commandHangs("mmshutdown"));
        AtomicReference<ProcedureReport> aborted = new AtomicReference<>();
        Thread run = new Thread(() -> aborted.set(SimulatedPair.apply(sim.cluster())), "standby-prepare");
        run.start();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (standby.invocations("mmshutdown").isEmpty() && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat("mmshutdown was reached", standby.invocations("mmshutdown").isEmpty(), is(false));
        run.interrupt();
        run.join(60_000);
        ProcedureReport r = aborted.get();
        assertThat("the run ended after the interrupt", r, notNullValue());
        assertThat(explain(r), r.aborted(), is(true));
        assertThat(explain(r), status(r, "stop-hpc-daemons"), is(Status.FAILED));
        assertThat(message(r, "stop-hpc-daemons"), containsString("aborted"));
        assertThat(message(r, "backup-database"), containsString("the procedure was aborted"));
        assertThat(r.result(), is(Result.FAILURE));
        // No half-written file anywhere the run wrote: only the files and their backups.
        assertThat(leftovers(sim.primary()), is(empty()));
        assertThat(leftovers(standby), is(empty()));

        standby.clearFaults();
        ProcedureReport rerun = SimulatedPair.apply(sim.cluster());
        assertThat(explain(rerun), rerun.result(), is(Result.SUCCESS));
        assertThat(explain(rerun), status(rerun, "stop-hpc-daemons"), is(Status.CHANGED));
        assertThat(explain(rerun), status(rerun, "ssh-trust"), is(Status.OK));
        for (String service : List.of("xcatd", "dhcpd", "gpfs", "teal", "cnmd", "LoadL")) {
            assertThat(service, standby.service(service), is(new ServiceState(service, true, false, false)));
        }
    }

    /** Temporary files of an atomic replacement left in root's .ssh directory. */
    private static List<String> leftovers(SimulatedNode node) {
        return node.observe("ls", "-a", node.sshDir()).stdout().lines()
                .filter(f -> f.contains(".xcat-ha.") && !f.endsWith(".xcat-ha.bak")).collect(Collectors.toList());
    }
}
