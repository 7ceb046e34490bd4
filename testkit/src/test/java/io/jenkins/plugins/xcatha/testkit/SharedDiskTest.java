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
 * its own local database. The shared directories' files move the same way: what a node writes under a mounted
 * /etc/xcat or /install is on the disk, and a node sees its own files again once it unmounts.
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

    @Test
    public void filesUnderTheSharedDirectoriesMoveWithTheDisk() {
        SimulatedNode primary = sim.primary();
        SimulatedNode standby = sim.standby();
        primary.writeFile("/install/postscripts/site-hook", "written on the primary\n");
        standby.writeFile("/install/standby-only", "the standby's own disk\n");
        assertEquals("its NFS export would keep it busy", 0, primary.exec("exportfs", "-ua").exitCode());
        assertEquals(0, primary.exec("umount", "/install").exitCode());
        assertThat("the old primary no longer sees the disk", primary.fileExists("/install/postscripts/site-hook"),
                org.hamcrest.Matchers.is(false));

        assertEquals(0, standby.exec("mount", "/install").exitCode());
        assertEquals("written on the primary\n", standby.readFile("/install/postscripts/site-hook"));
        assertThat("the standby's own files are under the mount point", standby.fileExists("/install/standby-only"),
                org.hamcrest.Matchers.is(false));
        assertThat(standby.exec("cat", "/install/postscripts/site-hook").stdout(), containsString("written on the primary"));

        assertEquals(0, standby.exec("umount", "/install").exitCode());
        assertEquals("the standby's own disk\n", standby.readFile("/install/standby-only"));
    }

    @Test
    public void theActiveNodesCfglocIsOnTheSharedDisk() {
        SimulatedCluster cluster = SimulatedCluster.startPair(Flavour.RHEL9, DbEngine.POSTGRESQL);
        try {
            SimulatedNode primary = cluster.primary();
            SimulatedNode standby = cluster.standby();
            assertThat(primary.readFile("/etc/xcat/cfgloc"), containsString("Pg:"));
            assertEquals(0, primary.exec("umount", "/etc/xcat").exitCode());
            assertEquals(0, standby.exec("mount", "/etc/xcat").exitCode());
            assertEquals(0, standby.exec("/bin/sh", "-c", "echo '# edited on the new primary' >> /etc/xcat/cfgloc")
                    .exitCode());
            assertEquals(0, standby.exec("umount", "/etc/xcat").exitCode());
            assertThat(standby.readFile("/etc/xcat/cfgloc"), not(containsString("edited")));
            assertEquals(0, primary.exec("mount", "/etc/xcat").exitCode());
            assertThat("the edit is on the disk", primary.readFile("/etc/xcat/cfgloc"), containsString("edited"));
        } finally {
            cluster.close();
        }
    }
}
