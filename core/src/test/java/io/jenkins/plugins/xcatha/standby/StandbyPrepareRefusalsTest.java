package io.jenkins.plugins.xcatha.standby;

import static io.jenkins.plugins.xcatha.standby.SimulatedPair.explain;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.message;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.ProcedureRunner;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import io.jenkins.plugins.xcatha.procedure.ProgressListener;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Environment;
import io.jenkins.plugins.xcatha.testkit.Fault;
import io.jenkins.plugins.xcatha.testkit.ServiceState;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What standby-prepare refuses and how it reports a sick node. One RHEL9/SQLite pair serves every test:
 * each test injects its faults and runs; none of these runs may change the nodes (the guards refuse before
 * anything is stopped, or the run is in check mode), which the tests assert too.
 */
public class StandbyPrepareRefusalsTest {
    private static SimulatedCluster sim;

    @BeforeClass
    public static void startPair() {
        String problem = Environment.problem();
        Assume.assumeTrue("simulated xCAT nodes cannot run here: " + problem, problem == null);
        sim = SimulatedCluster.startPair();
    }

    @AfterClass
    public static void stopPair() {
        if (sim != null) {
            sim.close();
        }
    }

    @After
    public void nodesAreUntouched() {
        try {
            for (SimulatedNode node : sim.nodes()) {
                for (String service : node.installedServices()) {
                    assertThat(service + " on " + node.role(), node.service(service),
                            is(new ServiceState(service, true, true, true)));
                }
                assertThat(node.invocations("systemctl").stream().filter(a -> !a.get(1).equals("show"))
                        .map(String::valueOf).toList(), is(empty()));
            }
        } finally {
            for (SimulatedNode node : sim.nodes()) {
                node.clearFaults();
                node.clearAudit();
            }
        }
    }

    private static ProcedureReport check() {
        return SimulatedPair.check(sim);
    }

    @Test
    public void clockSkewBeyondTheLimitFailsTimeSync() {
        sim.standby().inject(Fault.clockSkew(30));
        ProcedureReport r = check();
        assertThat(explain(r), status(r, "time-sync"), is(Status.FAILED));
        // The measured skew is 30 s give or take the round trip: 29.99 and 30.02 are both right.
        assertThat(message(r, "time-sync"), allOf(matchesPattern("(?s).*differ: clock skew (29\\.9|30\\.0)\\d s .*"),
                containsString("limit 2 s"), containsString("Synchronise both with the same NTP server")));
        assertThat(r.result(), is(Result.FAILURE));
    }

    @Test
    public void clocksNotSynchronisedButWithinTheLimitAreAWarning() {
        sim.standby().inject(Fault.clockUnsynchronised());
        ProcedureReport r = check();
        assertThat(explain(r), status(r, "time-sync"), is(Status.WARNING));
        assertThat(message(r, "time-sync"), allOf(
                containsString("not synchronised to a time server: standby " + sim.standby().address()),
                containsString("configure NTP or chrony")));
        assertThat(explain(r), r.result(), is(Result.UNSTABLE));
    }

    @Test
    public void refusesStandbyWithSharedDataMounted() {
        sim.standby().inject(Fault.sharedDataMounted("/install"));
        ProcedureReport r = SimulatedPair.apply(sim);
        assertThat(explain(r), status(r, "preflight"), is(Status.FAILED));
        assertThat(message(r, "preflight"), allOf(startsWith("refused: standby " + sim.standby().address()
                + " has the shared data mounted (/install"), containsString("ACTIVE management node"),
                containsString("nothing was changed")));
        assertThat(status(r, "stop-xcat-services"), is(Status.SKIPPED));
        assertThat(status(r, "stop-hpc-daemons"), is(Status.SKIPPED));
    }

    @Test
    public void refusesStandbyThatCarriesTheVirtualIp() {
        sim.standby().inject(Fault.carriesVirtualIp());
        ProcedureReport r = SimulatedPair.apply(sim);
        assertThat(explain(r), status(r, "preflight"), is(Status.FAILED));
        assertThat(message(r, "preflight"), allOf(containsString("carries the cluster's management address "
                + sim.virtualIp()), containsString("nothing was changed")));
        assertThat(status(r, "stop-xcat-services"), is(Status.SKIPPED));
        assertThat(status(r, "ssh-trust"), is(Status.SKIPPED));
    }

    @Test
    public void refusesPrimaryAndStandbyGivenTheWrongWayRound() {
        Cluster swapped = Cluster.of(SimulatedPair.node(sim, sim.standby(), Node.Role.PRIMARY),
                SimulatedPair.node(sim, sim.primary(), Node.Role.STANDBY));
        ProcedureReport r = SimulatedPair.run(swapped, StandbyPrepareOptions.builder().build());
        assertThat(explain(r), status(r, "preflight"), is(Status.FAILED));
        assertThat(message(r, "preflight"), allOf(containsString("the roles look swapped"),
                containsString("The node given as standby is the ACTIVE management node; nothing was changed")));
        assertThat(status(r, "stop-xcat-services"), is(Status.SKIPPED));
    }

    @Test
    public void differentDatabaseEngineFailsDatabaseEngine() {
        sim.standby().inject(Fault.dbEngine(DbEngine.MYSQL));
        ProcedureReport r = check();
        assertThat(explain(r), status(r, "database-engine"), is(Status.FAILED));
        assertThat(message(r, "database-engine"), allOf(containsString("database engines differ: primary "
                + sim.primary().address() + " uses SQLite"), containsString("uses MySQL/MariaDB"),
                containsString("remove /etc/xcat/cfgloc to use SQLite")));
        assertThat(status(r, "xcatd-verify"), is(Status.SKIPPED));
        assertThat(status(r, "stop-xcat-services"), is(Status.SKIPPED));
        assertThat(r.toString(), allOf(containsString("mysql"), not(containsString("S3cret"))));
    }

    @Test
    public void missingXcatClientIsNamedWithWhatToDo() {
        sim.standby().inject(Fault.toolMissing("lsxcatd"));
        ProcedureReport r = check();
        assertThat(explain(r), status(r, "preflight"), is(Status.FAILED));
        assertThat(message(r, "preflight"), allOf(containsString("could not read the xCAT version on standby "
                + sim.standby().address()), containsString("is xCAT installed in /opt/xcat?")));
    }

    @Test
    public void missingRootKeyPairIsAnErrorUnlessKeysMayBeGenerated() {
        SimulatedNode standby = sim.standby();
        standby.inject(Fault.toolMissing(standby.sshDir() + "/id_rsa.pub"));
        ProcedureReport r = check();
        assertThat(explain(r), status(r, "ssh-trust"), is(Status.FAILED));
        assertThat(message(r, "ssh-trust"), allOf(containsString("standby " + standby.address()
                + " has no root SSH key pair (/root/.ssh/id_rsa.pub is missing or empty)"),
                containsString("`ssh-keygen -t rsa -N ''`, or set generateKeys: true")));

        ProcedureReport generating = SimulatedPair.run(sim, StandbyPrepareOptions.builder().checkMode(true)
                .generateKeys(true).build());
        assertThat(explain(generating), status(generating, "ssh-trust"), is(Status.CHANGED));
        assertThat(message(generating, "ssh-trust"), containsString("would generate a root RSA key pair on standby"));
    }

    @Test
    public void xcatdThatDoesNotAnswerFailsXcatdVerify() {
        // xcatd stops answering between preflight and its verification.
        ProgressListener breakXcatd = new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, ProcedureStep step, String host) {
                if (step.id().equals("xcatd-verify")) {
                    sim.standby().inject(Fault.commandFails("lsxcatd", 111, "Connection failure: IO::Socket::INET:"
                            + " connect: Connection refused at /opt/xcat/lib/perl/xCAT/Client.pm line 248."));
                }
            }
        };
        Cluster cluster = SimulatedPair.cluster(sim);
        StandbyPrepareOptions options = StandbyPrepareOptions.builder().checkMode(true).build();
        ProcedureReport r;
        try {
            r = new ProcedureRunner().run(StandbyPrepare.procedure(options), cluster, StandbyPrepare.mode(options),
                    breakXcatd);
        } finally {
            cluster.nodes().forEach(n -> n.shell().close());
        }
        assertThat(explain(r), status(r, "xcatd-verify"), is(Status.FAILED));
        assertThat(message(r, "xcatd-verify"), allOf(containsString("`lsxcatd -a` on standby " + sim.standby().address()
                + " failed (exit 111, xcatd does not answer on localhost:3001"), containsString("systemctl status xcatd")));
        assertThat(status(r, "stop-xcat-services"), is(Status.SKIPPED));
    }
}
