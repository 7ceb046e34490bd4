package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;

import org.junit.Rule;
import org.junit.Test;

/** The fakes against xcat-observed.md's second observation: a fresh node, the database's own life, real durations. */
public class SecondObservationTest {
    @Rule
    public SimulatedClusterRule sim = new SimulatedClusterRule(
            NodeSpec.node("primary").fresh(true), NodeSpec.node("standby").realDurations(true));

    private static long rows(SimulatedNode n, String table) {
        return n.observe("/usr/bin/env", "XCATBYPASS=1", "tabdump", table).stdout().lines()
                .filter(l -> !l.startsWith("#")).count();
    }

    @Test
    public void notificationHoldsXcatdsRowExactlyWhileXcatdRuns() {
        SimulatedNode n = sim.standby();
        assertEquals(1, rows(n, "notification"));
        assertThat(n.exec("tabdump", "notification").stdout(), containsString("\"montbhandler.pm\""));
        assertEquals(0, n.exec("systemctl", "stop", "xcatd").exitCode());
        assertEquals(0, rows(n, "notification"));
        assertEquals(0, n.exec("systemctl", "start", "xcatd").exitCode());
        assertEquals(1, rows(n, "notification"));
    }

    @Test
    public void xcatdStoppedByAFaultHasNoNotificationRowEither() {
        sim.standby().inject(Fault.serviceStopped("xcatd"));
        assertEquals(0, rows(sim.standby(), "notification"));
        sim.standby().clearFaults();
        assertEquals(1, rows(sim.standby(), "notification"));
    }

    @Test
    public void aFreshNodeHasAnEmptyPasswdTable() {
        assertEquals(0, rows(sim.primary(), "passwd"));
        assertEquals(2, rows(sim.standby(), "passwd"));
        assertEquals("#key,username,password,cryptmethod,authdomain,comments,disable\n",
                sim.primary().exec("tabdump", "passwd").stdout());
    }

    @Test
    public void anUnopenableTableMakesXcatdDenyEveryRequest() {
        SimulatedNode n = sim.primary();
        n.inject(Fault.tableUnopenableDenying("hosts"));
        for (String command : new String[] {"lsxcatd -a", "tabdump site", "lsdef -t site -l"}) {
            ExecResult r = n.shell(command);
            assertEquals(command, 1, r.exitCode());
            assertEquals(command, "Error: Permission denied for request\n", r.stderr());
        }
        ExecResult dump = n.shell("dumpxCATdb -p /tmp/denied");
        assertEquals(1, dump.exitCode());
        assertEquals("Command failed: tabdump 2>&1. Error message: Error: Permission denied for request.\n\n"
                + "Error running tabdump to get list of tables\n", dump.stderr());
        assertEquals("XCATBYPASS opens the database itself", 0, n.shell("XCATBYPASS=1 lsxcatd -a").exitCode());
    }

    @Test
    public void gettabPrintsTheBareValue() {
        SimulatedNode n = sim.primary();
        ExecResult r = n.exec("gettab", "key=master", "site.value");
        assertEquals(0, r.exitCode());
        assertEquals(n.exec("/usr/bin/env", "XCATBYPASS=1", "lsdef", "-t", "site", "-l").stdout().lines()
                .filter(l -> l.trim().startsWith("master=")).findFirst().orElseThrow().trim().substring(7) + "\n",
                r.stdout());
        assertEquals(0, n.exec("systemctl", "stop", "xcatd").exitCode());
        assertEquals("gettab reads the database itself", 0, n.exec("gettab", "key=master", "site.value").exitCode());
    }

    @Test
    public void realDurationsMakeEachTableTakeAsLongAsOnARealNode() {
        SimulatedNode n = sim.standby();
        n.shell("mkdir -p /tmp/one && : > /tmp/one/site.csv");
        long started = System.nanoTime();
        // one table restored: about 1.3 s (93 s for 71 tables); a dump of all 71 would take about 68 s
        assertEquals(0, n.shell("tabdump site > /tmp/one/site.csv && restorexCATdb -p /tmp/one").exitCode());
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms, greaterThan(1200L));
        assertThat(ms, lessThan(10_000L));
    }

    @Test
    public void restorexCATdbNamesBareFilesHasItsExactHelpAndRestoresNothingFromAFile() {
        SimulatedNode n = sim.primary();
        assertEquals(" restorexCATdb  -h \n restorexCATdb -v \n restorexCATdb [-a] [-V] <-p> [path to restore .csv files]\n"
                + " restorexCATdb -b [-V] <-t> [timestamp on restore backup file]  <-p> [path to restore backup file]\n",
                n.exec("restorexCATdb", "-h").stdout());
        n.shell("mkdir -p /tmp/r && tabdump site > /tmp/r/site.csv").stdoutOrThrow();
        ExecResult verbose = n.exec("restorexCATdb", "-V", "-p", "/tmp/r");
        assertEquals("Restoring site.csv.\n\nRestore of Database Complete.\n", verbose.stdout());
        ExecResult file = n.exec("restorexCATdb", "-p", "/tmp/r/site.csv");
        assertEquals(0, file.exitCode());
        assertEquals("Restore of Database Complete.\n", file.stdout());
        assertEquals(0, n.observe("grep", "-c", "restorexCATdb", "/var/lib/xcat-sim/calls.log").exitCode());
    }

    @Test
    public void restoreWithXcatdStoppedFailsEveryTableButSaysItIsComplete() {
        SimulatedNode n = sim.primary();
        n.shell("mkdir -p /tmp/r && tabdump site > /tmp/r/site.csv && systemctl stop xcatd").stdoutOrThrow();
        ExecResult r = n.exec("restorexCATdb", "-p", "/tmp/r");
        assertEquals(0, r.exitCode());
        assertEquals("Restore of Database Complete.\n", r.stdout());
        assertThat(r.stderr(), containsString("Command failed: tabrestore /tmp/r/site.csv 2>&1. Error message: Connection"
                + " failure: IO::Socket::INET: connect: Connection refused at /opt/xcat/lib/perl/xCAT/Client.pm line 248,"
                + " <$fh> line 1."));
    }

    @Test
    public void aTableThatCannotBeRestoredKeepsItsRowsWhileTheRestoreSaysItIsComplete() {
        SimulatedNode n = sim.primary();
        n.inject(Fault.restoreFails("site"));
        n.shell("mkdir -p /tmp/r && printf '#key,value,comments,disable\\n' > /tmp/r/site.csv").stdoutOrThrow();
        ExecResult r = n.exec("restorexCATdb", "-p", "/tmp/r");
        assertEquals(0, r.exitCode());
        assertEquals("Restore of Database Complete.\n", r.stdout());
        assertThat(r.stderr(), containsString("UNIQUE constraint failed: site.key"));
        assertThat(rows(n, "site"), greaterThan(30L));
    }
}
