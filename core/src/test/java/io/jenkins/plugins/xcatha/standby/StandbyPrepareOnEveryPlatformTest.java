package io.jenkins.plugins.xcatha.standby;

import static io.jenkins.plugins.xcatha.standby.SimulatedPair.explain;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.status;
import static io.jenkins.plugins.xcatha.standby.SimulatedPair.stepsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.xcatha.report.JsonReportWriter;
import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.report.SummaryWriter;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Environment;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.ServiceState;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * standby-prepare on every platform flavour, each database engine at least once: check mode first (it
 * changes nothing and says what it would do), then apply (the standby ends up prepared, the primary
 * untouched), then a second run that changes nothing.
 */
@RunWith(Parameterized.class)
public class StandbyPrepareOnEveryPlatformTest {
    /** Commands that change a service or its start at boot, as the node's fakes record them. */
    private static final Set<String> MUTATING_VERBS = Set.of("stop", "start", "restart", "disable", "enable", "off",
            "on", "-d", "autoload=no");
    private static final List<String> SERVICE_TOOLS = List.of("systemctl", "service", "chkconfig", "stopsrc",
            "startsrc", "rmssys", "chitab", "rmitab", "mmshutdown", "mmchconfig", "llctl", "chnwm", "restartxcatd");
    private static final Set<String> HPC_SERVICES = Set.of("teal", "teal_ll", "cnmd", "LoadL", "gpfs");

    @Parameterized.Parameters(name = "{0} {1}")
    public static Collection<Object[]> platforms() {
        return Arrays.asList(new Object[][] {
            {Flavour.RHEL9, DbEngine.SQLITE},
            {Flavour.RHEL7, DbEngine.MYSQL},
            {Flavour.SLES15, DbEngine.POSTGRESQL},
            {Flavour.UBUNTU22, DbEngine.MYSQL},
            {Flavour.UBUNTU24, DbEngine.POSTGRESQL},
            {Flavour.AIX7, DbEngine.DB2},
        });
    }

    private final Flavour flavour;
    private final DbEngine engine;

    public StandbyPrepareOnEveryPlatformTest(Flavour flavour, DbEngine engine) {
        this.flavour = flavour;
        this.engine = engine;
    }

    @Test
    public void checkChangesNothingThenApplyPreparesTheStandbyThenASecondRunChangesNothing() {
        String problem = Environment.problem();
        Assume.assumeTrue("simulated xCAT nodes cannot run here: " + problem, problem == null);
        try (SimulatedCluster sim = SimulatedCluster.startPair(flavour, engine)) {
            SimulatedNode primary = sim.primary();
            SimulatedNode standby = sim.standby();
            String primaryKeys = primary.readFile(primary.sshDir() + "/authorized_keys");
            String standbyKeys = standby.readFile(standby.sshDir() + "/authorized_keys");

            ProcedureReport check = SimulatedPair.check(sim);
            assertThat(explain(check), check.result(), is(Result.SUCCESS));
            assertThat(explain(check), status(check, "ssh-trust"), is(Status.CHANGED));
            assertThat(explain(check), status(check, "stop-xcat-services"), is(Status.CHANGED));
            assertThat(explain(check), status(check, "stop-hpc-daemons"), is(Status.CHANGED));
            assertThat(SimulatedPair.message(check, "stop-xcat-services"), containsString("would stop and disable xcatd"));
            assertThat(mutatingCommands(standby), is(empty()));
            assertThat(mutatingCommands(primary), is(empty()));
            assertThat(standby.readFile(standby.sshDir() + "/authorized_keys"), is(standbyKeys));
            assertThat(primary.readFile(primary.sshDir() + "/authorized_keys"), is(primaryKeys));
            for (String service : standby.installedServices()) {
                assertThat(service + " on the standby after check mode", standby.service(service),
                        is(new ServiceState(service, true, true, true)));
            }

            ProcedureReport apply = SimulatedPair.apply(sim);
            assertThat(explain(apply), apply.result(), is(Result.SUCCESS));
            assertThat(explain(apply), status(apply, "stop-xcat-services"), is(Status.CHANGED));
            List<String> mustBeDown = new ArrayList<>(List.of("xcatd"));
            mustBeDown.addAll(flavour.dhcpServices());
            mustBeDown.addAll(HPC_SERVICES);
            for (String service : mustBeDown) {
                assertThat(service + " on the standby after apply", standby.service(service),
                        is(new ServiceState(service, true, false, false)));
            }
            for (String service : primary.installedServices()) {
                assertThat(service + " on the ACTIVE node after apply", primary.service(service),
                        is(new ServiceState(service, true, true, true)));
            }
            assertThat(mutatingCommands(primary), is(empty()));
            assertKeyAppendedOnce(standby, primary.rootPublicKey(), standbyKeys);
            assertKeyAppendedOnce(primary, standby.rootPublicKey(), primaryKeys);
            assertThat(standby.readFile(standby.sshDir() + "/authorized_keys.xcat-ha.bak"), is(standbyKeys));

            ProcedureReport again = SimulatedPair.apply(sim);
            assertThat(explain(again), again.result(), is(Result.SUCCESS));
            assertThat(explain(again), stepsWith(again, Status.CHANGED, Status.WARNING, Status.FAILED), is(anEmptyMap()));
            assertThat(explain(again), status(again, "xcatd-verify"), is(Status.SKIPPED));
            assertKeyAppendedOnce(standby, primary.rootPublicKey(), standbyKeys);

            String password = standby.databasePassword();
            if (password != null) {
                for (ProcedureReport r : List.of(check, apply, again)) {
                    assertThat(r.toString(), not(containsString(password)));
                    assertThat(new JsonReportWriter().toJson(r), not(containsString(password)));
                    assertThat(new SummaryWriter().toText(r), not(containsString(password)));
                }
            }
        }
    }

    /** The node's authorized_keys is what it was plus exactly one line with the other node's key. */
    private static void assertKeyAppendedOnce(SimulatedNode node, String key, String before) {
        String now = node.readFile(node.sshDir() + "/authorized_keys");
        String body = key.split(" ")[1];
        assertThat(now.lines().filter(l -> l.contains(body)).count(), is(1L));
        assertThat(now.startsWith(before), is(true));
    }

    /** Every invocation of a service tool on the node that would stop, start, enable or disable something. */
    private static List<String> mutatingCommands(SimulatedNode node) {
        List<String> found = new ArrayList<>();
        for (List<String> argv : node.invocations()) {
            if (SERVICE_TOOLS.contains(argv.get(0))
                    && (argv.size() == 1 || argv.stream().skip(1).anyMatch(MUTATING_VERBS::contains)
                    || argv.get(0).startsWith("chitab") || argv.get(0).startsWith("rmitab"))) {
                found.add(String.join(" ", argv));
            }
        }
        return found;
    }
}
