package io.jenkins.plugins.xcatha.failover;

import static io.jenkins.plugins.xcatha.failover.FailoverPair.explain;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.report.Result;
import io.jenkins.plugins.xcatha.report.Status;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Environment;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import io.jenkins.plugins.xcatha.testkit.SimulatedNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * A planned failover, a second run that changes nothing, and standby-prepare with the roles swapped, on every
 * init system (systemd, SysV, AIX SRC) and every database engine.
 */
@RunWith(Parameterized.class)
public class FailoverOnEveryPlatformTest {
    @Parameterized.Parameters(name = "{0} {1}")
    public static Collection<Object[]> platforms() {
        return Arrays.asList(new Object[][] {
            {Flavour.RHEL7, DbEngine.MYSQL},
            {Flavour.UBUNTU24, DbEngine.POSTGRESQL},
            {Flavour.SLES15, DbEngine.SQLITE},
            {Flavour.AIX7, DbEngine.DB2},
        });
    }

    private final Flavour flavour;
    private final DbEngine engine;

    public FailoverOnEveryPlatformTest(Flavour flavour, DbEngine engine) {
        this.flavour = flavour;
        this.engine = engine;
    }

    private boolean databaseRuns(SimulatedNode node) {
        switch (engine) {
            case DB2:
                return node.observe((flavour.isAix() ? "/opt/IBM" : "/opt/ibm") + "/db2/V11.5/bin/db2gcf", "-s", "-i",
                        "xcatdb").exitCode() == 0;
            case SQLITE:
                return node.mountedDirs().contains("/etc/xcat");
            default:
                return node.installedServices().stream().filter(s -> List.of("mariadb", "mysql", "mysqld", "postgresql")
                        .contains(s)).anyMatch(s -> node.service(s).running());
        }
    }

    @Test
    public void plannedFailoverThenNothingToDoThenTheOldPrimaryBecomesTheStandby() {
        Assume.assumeTrue(Environment.problem(), Environment.problem() == null);
        try (SimulatedCluster sim = SimulatedCluster.startPair(flavour, engine)) {
            FailoverPair.prepared(sim.standby());
            ProcedureReport report = FailoverPair.planned(sim);
            assertEquals(explain(report), Result.SUCCESS, report.result());
            assertTrue(sim.standby().carriesVirtualIp());
            assertFalse(sim.primary().carriesVirtualIp());
            assertFalse(sim.primary().service("xcatd").running());
            assertFalse(sim.primary().service("xcatd").enabled());
            assertTrue(sim.standby().service("xcatd").running());
            assertFalse("started, not enabled at boot", sim.standby().service("xcatd").enabled());
            assertEquals("the database server moved", List.of(false, true), List.of(databaseRuns(sim.primary()),
                    databaseRuns(sim.standby())));
            if (flavour.isAix()) {
                assertEquals("the shared volume group moved", List.of(false, true), List.of(
                        sim.primary().variedOnVolumeGroups().contains("xcatvg"),
                        sim.standby().variedOnVolumeGroups().contains("xcatvg")));
            }

            ProcedureReport again = FailoverPair.planned(sim);
            assertEquals(explain(again), Result.SUCCESS, again.result());
            assertTrue("nothing changes:" + explain(again), again.steps().stream().noneMatch(s -> s.status() == Status.CHANGED));

            ProcedureReport prepare = FailoverPair.prepareOldPrimary(sim);
            assertEquals(explain(prepare), Result.SUCCESS, prepare.result());
        }
    }
}
