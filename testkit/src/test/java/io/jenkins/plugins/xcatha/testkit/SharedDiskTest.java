package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import org.junit.Rule;
import org.junit.Test;

/**
 * The shared disk is one storage: the xCAT database on it is the one a node uses while /etc/xcat is mounted
 * there, so it moves with the shared data from the old primary to the new one; a node without it mounted uses
 * its own local database.
 */
public class SharedDiskTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private static long nodes(SimulatedNode n) {
        return n.exec("/usr/bin/env", "XCATBYPASS=1", "tabdump", "nodelist").stdout().lines()
                .filter(l -> !l.startsWith("#")).count();
    }

    @Test
    public void theDatabaseMovesWithTheSharedData() {
        SimulatedNode primary = sim.primary();
        SimulatedNode standby = sim.standby();
        assertEquals("the active node serves the cluster's database", 4, nodes(primary));
        assertEquals("the standby's own database knows no compute node", 0, nodes(standby));

        assertEquals(0, primary.exec("umount", "/etc/xcat").exitCode());
        assertEquals("/var/lib/xcat-sim/db/site.csv", primary.tableFile("site"));
        assertEquals(0, standby.exec("mount", "/dev/mapper/xcatvg-etc_xcat", "/etc/xcat").exitCode());
        assertEquals("the new primary serves the same database", 4, nodes(standby));

        assertEquals(0, standby.exec("/usr/bin/env", "XCATBYPASS=1", "chtab", "key=domain", "site.value=moved.test")
                .exitCode());
        assertThat("the old primary's local copy does not see it", primary.exec("gettab", "key=domain", "site.value")
                .stdout(), not(containsString("moved.test")));
        assertEquals(0, standby.exec("umount", "/etc/xcat").exitCode());
        assertEquals(0, primary.exec("mount", "/dev/mapper/xcatvg-etc_xcat", "/etc/xcat").exitCode());
        assertThat("a change made on the new primary is on the disk", primary.exec("gettab", "key=domain", "site.value")
                .stdout(), containsString("moved.test"));
        assertThat(standby.exec("gettab", "key=domain", "site.value").stdout(), not(containsString("moved.test")));
    }

    @Test
    public void tablesAreReadAndWrittenWhereTheNodeFindsThem() {
        assertEquals("/var/lib/xcat-sim-cluster/shared-db/site.csv", sim.primary().tableFile("site"));
        assertEquals("/var/lib/xcat-sim/db/site.csv", sim.standby().tableFile("site"));
        assertThat(sim.primary().readFile(sim.primary().tableFile("nodelist")), containsString("\"cn4\""));
    }
}
