package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** The xCAT fakes against xcat-observed.md, byte for byte where the document gives bytes. */
public class XcatCommandsTest {
    private static final String VERSION = "Version 2.19.0 (git commit 7733d16f8de0fc36b80638c04a7033931fa13304)";
    private static final String UNREACHABLE_OUT = "Unable to open socket connection to xcatd daemon on localhost:3001.\n"
            + "Verify that the xcatd daemon is running and that your SSL setup is correct.\n";
    private static final String UNREACHABLE_ERR = "Connection failure: IO::Socket::INET: connect: Connection refused at /opt/xcat/lib/perl/xCAT/Client.pm line 248.\n";

    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private ExecResult on(SimulatedNode n, String script) {
        return n.shell(script);
    }

    private void stopXcatd(SimulatedNode n) {
        assertEquals(0, n.exec("systemctl", "stop", "xcatd").exitCode());
    }

    @Test
    public void lsxcatdAllPrintsVersionNodeTypeAndEngine() {
        ExecResult r = sim.cluster().ssh(sim.standby(), "lsxcatd -a");
        assertEquals(0, r.exitCode());
        assertEquals(VERSION + "\nThis is a Management Node\ndbengine=SQLite\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals("dbengine=SQLite\n", sim.standby().exec("lsxcatd", "-d").stdout());
        assertEquals(VERSION + "\nThis is a Management Node\ndbengine=SQLite\n", sim.standby().exec("lsxcatd", "-ad").stdout());
    }

    @Test
    public void lsxcatdUsageGoesToStdoutWithExitOneOrZeroForHelp() {
        String usage = "       lsxcatd [-v|--version]\n       lsxcatd [-h|--help]\n       lsxcatd [-d|--database]\n       lsxcatd [-t|--nodetype]\n       lsxcatd [-a|--all]\n";
        for (String[] bad : new String[][] {{}, {"-z"}, {"--nodetype"}}) {
            String[] argv = new String[bad.length + 1];
            argv[0] = "lsxcatd";
            System.arraycopy(bad, 0, argv, 1, bad.length);
            ExecResult r = sim.primary().exec(argv);
            assertEquals(Arrays.toString(bad), 1, r.exitCode());
            assertEquals(usage, r.stdout());
            assertEquals("no Unknown option text through xcatd (D2)", "", r.stderr());
        }
        ExecResult h = sim.primary().exec("lsxcatd", "-h");
        assertEquals(0, h.exitCode());
        assertEquals(usage, h.stdout());
        ExecResult bypass = on(sim.primary(), "XCATBYPASS=1 lsxcatd --nodetype");
        assertEquals(1, bypass.exitCode());
        assertEquals("Unknown option: nodetype\n", bypass.stderr());
    }

    @Test
    public void lsxcatdExits111WhenXcatdIsStopped() {
        stopXcatd(sim.standby());
        ExecResult r = sim.cluster().ssh(sim.standby(), "lsxcatd -a");
        assertEquals(111, r.exitCode());
        assertEquals(UNREACHABLE_OUT, r.stdout());
        assertEquals(UNREACHABLE_ERR, r.stderr());
        ExecResult tab = sim.standby().exec("tabdump", "site");
        assertEquals(111, tab.exitCode());
        assertEquals(UNREACHABLE_OUT, tab.stdout());
    }

    @Test
    public void xcatBypassAnswersEvenWhenXcatdIsDown() {
        stopXcatd(sim.standby());
        ExecResult r = on(sim.standby(), "XCATBYPASS=1 lsxcatd -a");
        assertEquals(0, r.exitCode());
        assertThat(r.stdout(), containsString("dbengine=SQLite"));
        assertEquals(0, on(sim.standby(), "XCATBYPASS=1 tabdump site").exitCode());
    }

    @Test
    public void siteTableHas38QuotedRowsWithMasterTheVirtualIp() {
        String site = sim.primary().exec("tabdump", "site").stdoutOrThrow();
        List<String> lines = Arrays.asList(site.split("\n"));
        assertEquals("#key,value,comments,disable", lines.get(0));
        assertEquals(38, lines.size() - 1);
        assertThat(lines, hasItem("\"master\",\"" + sim.cluster().virtualIp() + "\",,"));
        assertThat(lines, hasItem("\"xcatdport\",\"3001\",,"));
        String tables = sim.primary().exec("tabdump").stdoutOrThrow();
        assertEquals(73, tables.split("\n").length);
    }

    @Test
    public void lsdefSiteListsSortedAttributesCaseSensitively() {
        String out = sim.primary().exec("lsdef", "-t", "site", "-l").stdoutOrThrow();
        String[] lines = out.split("\n");
        assertEquals("Object name: clustersite", lines[0]);
        assertEquals("    SNsyncfiledir=/var/xcat/syncfiles", lines[1]);
        assertThat(out, containsString("    master=" + sim.cluster().virtualIp() + "\n"));
        assertEquals("1 object definitions have been created or modified.\n",
                sim.primary().exec("chdef", "-t", "site", "clustersite", "domain=xcat.test").stdout());
        assertThat(sim.primary().exec("lsdef", "-t", "site", "-l").stdout(), containsString("    domain=xcat.test\n"));
    }

    @Test
    public void defaultDumpWrites71Csvs() {
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/var/backup/xcat/b1");
        assertEquals(0, r.exitCode());
        assertEquals(" Creating /var/backup/xcat/b1 for database dump\nBackup Complete.\n", r.stdout());
        assertEquals("", r.stderr());
        List<String> files = Arrays.asList(sim.primary().exec("ls", "/var/backup/xcat/b1").stdout().split("\n"));
        assertEquals(71, files.size());
        assertThat(files, not(hasItem("auditlog.csv")));
        assertThat(files, not(hasItem("eventlog.csv")));
        assertEquals("#node,ip,hostnames,otherinterfaces,comments,disable\n", sim.standby().exec("tabdump", "hosts").stdout());
        assertThat(sim.primary().readFile("/var/backup/xcat/b1/nodelist.csv"), containsString("\"cn1\",\"compute,all\""));
        // an existing directory: no Creating line
        assertEquals("Backup Complete.\n", sim.primary().exec("dumpxCATdb", "-p", "/var/backup/xcat/b1").stdout());
    }

    @Test
    public void allTablesDumpWrites73AndVerboseNamesEachTable() {
        ExecResult r = sim.primary().exec("dumpxCATdb", "-a", "-V", "-p", "/tmp/all");
        assertEquals(0, r.exitCode());
        assertEquals(73, sim.primary().exec("ls", "/tmp/all").stdout().split("\n").length);
        assertThat(r.stdout(), containsString("Dumping auditlog\n"));
        ExecResult v = sim.primary().exec("dumpxCATdb", "-V", "-p", "/tmp/def");
        assertThat(v.stdout(), containsString("Skipping auditlog\n\n"));
        assertThat(v.stdout(), containsString("Dumping site\n"));
    }

    @Test
    public void dumpWithXcatdDownLeavesTheEmptyDirectoryAndExitsOne() {
        stopXcatd(sim.primary());
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/tmp/down");
        assertEquals(1, r.exitCode());
        assertEquals(" Creating /tmp/down for database dump\n", r.stdout());
        assertEquals("Command failed: tabdump 2>&1. Error message: Connection failure: IO::Socket::INET: connect: Connection refused at /opt/xcat/lib/perl/xCAT/Client.pm line 248.\n"
                + "Unable to open socket connection to xcatd daemon on localhost:3001.\n"
                + "Verify that the xcatd daemon is running and that your SSL setup is correct..\n\n"
                + "Error running tabdump to get list of tables\n", r.stderr());
        assertEquals("", sim.primary().exec("ls", "-A", "/tmp/down").stdout());
        assertEquals(0, on(sim.primary(), "XCATBYPASS=1 dumpxCATdb -p /tmp/bypass").exitCode());
        assertEquals(71, sim.primary().exec("ls", "/tmp/bypass").stdout().split("\n").length);
    }

    @Test
    public void dumpUsageAndArgumentErrorsMatchTheObservedOutput() {
        ExecResult h = sim.primary().exec("dumpxCATdb", "-h");
        assertEquals(0, h.exitCode());
        assertEquals(" dumpxCATdb -h \n dumpxCATdb -v \n dumpxCATdb [-a] [-V] <-p> [path to backup directory] \n dumpxCATdb -b [-V] <-p> [path to backup directory]\n", h.stdout());
        ExecResult noP = sim.primary().exec("dumpxCATdb");
        assertEquals(1, noP.exitCode());
        assertEquals(" Requires -p with path to directory to hold db files.\n", noP.stderr());
        ExecResult bad = sim.primary().exec("dumpxCATdb", "-P", "/tmp/x");
        assertEquals(1, bad.exitCode());
        assertThat(bad.stderr(), containsString("Unknown option: P\n dumpxCATdb -h"));
        ExecResult bin = sim.primary().exec("dumpxCATdb", "-b", "-p", "/tmp/bin");
        assertEquals(1, bin.exitCode());
        assertEquals(" Creating /tmp/bin for database dump\n", bin.stdout());
        assertEquals("Binary dump (-b) is not supported for SQLITE\n", bin.stderr());
        assertTrue("the directory is created before the failure (D6)", sim.primary().fileExists("/tmp/bin"));
        ExecResult proc = sim.primary().exec("dumpxCATdb", "-p", "/proc/nonexistent/dir");
        assertEquals(1, proc.exitCode());
        assertEquals("Command failed: mkdir -p /proc/nonexistent/dir 2>&1. Error message: mkdir: cannot create directory ‘/proc/nonexistent’: No such file or directory.\n\n"
                + "Error running mkdir -p /proc/nonexistent/dir\n", proc.stderr());
    }

    @Test
    public void relativeDumpPathResolvesAgainstTheCallersDirectory() {
        assertEquals(0, on(sim.primary(), "cd /root && dumpxCATdb -p relbak").exitCode());
        assertTrue(sim.primary().fileExists("/root/relbak/site.csv"));
    }

    @Test
    public void skiptablesLeavesTablesOutAndTheEnvironmentOverridesIt() {
        sim.primary().exec("chtab", "key=skiptables", "site.value=hosts,passwd").stdoutOrThrow();
        sim.primary().exec("dumpxCATdb", "-p", "/tmp/s1").stdoutOrThrow();
        assertFalse(sim.primary().fileExists("/tmp/s1/hosts.csv"));
        assertFalse(sim.primary().fileExists("/tmp/s1/passwd.csv"));
        assertEquals(69, sim.primary().exec("ls", "/tmp/s1").stdout().split("\n").length);
        on(sim.primary(), "XCAT_SKIPTABLES=site dumpxCATdb -p /tmp/s2").stdoutOrThrow();
        assertFalse(sim.primary().fileExists("/tmp/s2/site.csv"));
        assertTrue(sim.primary().fileExists("/tmp/s2/hosts.csv"));
    }

    @Test
    public void staleFilesInTheDumpDirectoryAreKept() {
        sim.primary().shell("mkdir -p /tmp/st && echo old > /tmp/st/stale.csv").stdoutOrThrow();
        sim.primary().exec("dumpxCATdb", "-p", "/tmp/st").stdoutOrThrow();
        assertEquals("old\n", sim.primary().readFile("/tmp/st/stale.csv"));
    }

    @Test
    public void corruptTableDumpsHeaderOnlyWithExitZero() {
        sim.primary().inject(Fault.tableCorrupt("postscripts"));
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/tmp/c");
        assertEquals(0, r.exitCode());
        assertEquals("", r.stderr());
        assertEquals("#node,postscripts,postbootscripts,comments,disable\n", sim.primary().readFile("/tmp/c/postscripts.csv"));
        assertEquals(0, sim.primary().exec("tabdump", "postscripts").exitCode());
        ExecResult bypass = on(sim.primary(), "XCATBYPASS=1 tabdump postscripts");
        assertEquals(2, bypass.exitCode());
        assertThat(bypass.stderr(), containsString("DBD::SQLite::db prepare failed: file is not a database"));
        // with XCATBYPASS the file is missing and stderr names it (2.4f)
        ExecResult b = on(sim.primary(), "XCATBYPASS=1 dumpxCATdb -p /tmp/cb");
        assertEquals(0, b.exitCode());
        assertEquals(70, sim.primary().exec("ls", "/tmp/cb").stdout().split("\n").length);
        assertThat(b.stderr(), containsString("Error running tabdump -f /tmp/cb/postscripts.csv postscripts, DBD::SQLite::db prepare failed"));
        // xcatd refuses to start while a table is corrupt (D4)
        stopXcatd(sim.primary());
        assertEquals(1, sim.primary().exec("systemctl", "start", "xcatd").exitCode());
    }

    @Test
    public void unopenableTableDumpsAnEmptyFileWithExitZero() {
        sim.primary().inject(Fault.tableUnopenable("hosts"));
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/tmp/u");
        assertEquals(0, r.exitCode());
        assertEquals("", r.stderr());
        assertEquals("", sim.primary().readFile("/tmp/u/hosts.csv"));
        ExecResult t = sim.primary().exec("tabdump", "hosts");
        assertEquals(1, t.exitCode());
        assertThat(t.stderr(), containsString("tabutils.pm line 754."));
    }

    @Test
    public void failingTablePrintsTheObservedStderrBlockAndStillExitsZero() {
        sim.primary().inject(Fault.tableFails("hosts"));
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/tmp/f");
        assertEquals(0, r.exitCode());
        assertEquals("Backup Complete.\n", r.stdout().replace(" Creating /tmp/f for database dump\n", ""));
        String msg = "Error: [xcatmn1]: Error on tabdump of hosts to /tmp/f/hosts.csv. Unable to open the file for write. ";
        assertEquals("Command failed: tabdump -f /tmp/f/hosts.csv hosts 2>&1. Error message: " + msg + ".\n\n"
                + "Error running tabdump -f /tmp/f/hosts.csv hosts, " + msg + "\n", r.stderr());
        // the same outcome from the real cause: a directory where the CSV should go
        sim.primary().clearFaults();
        sim.primary().exec("mkdir", "-p", "/tmp/g/hosts.csv");
        assertThat(sim.primary().exec("dumpxCATdb", "-p", "/tmp/g").stderr(), containsString("Error running tabdump -f /tmp/g/hosts.csv hosts"));
    }

    @Test
    public void fullDiskLeavesTruncatedAndEmptyFilesButExitsZero() {
        sim.primary().inject(Fault.diskFull(10));
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/tmp/full");
        assertEquals(0, r.exitCode());
        assertThat(r.stderr(), containsString("No space left on device"));
        List<String> sizes = Arrays.asList(sim.primary().shell("for f in $(ls -U /tmp/full); do stat -c %s /tmp/full/$f; done").stdout().split("\n"));
        assertEquals(71, sizes.size());
        assertTrue(sizes.contains("0"));
        assertTrue(sizes.contains("12"));
    }

    @Test
    public void unwritableDumpTargetFailsLikeMkdir() {
        sim.primary().inject(Fault.dumpTargetUnwritable());
        ExecResult r = sim.primary().exec("dumpxCATdb", "-p", "/srv/backup");
        assertEquals(1, r.exitCode());
        assertThat(r.stderr(), containsString("Permission denied"));
        assertThat(r.stderr(), containsString("Error running mkdir -p /srv/backup\n"));
    }

    @Test
    public void restoreReallyRestoresTheTablesOfABackup() {
        SimulatedNode p = sim.primary(), s = sim.standby();
        p.exec("dumpxCATdb", "-p", "/var/backup/xcat/b").stdoutOrThrow();
        for (String f : p.exec("ls", "/var/backup/xcat/b").stdout().split("\n")) {
            s.writeFile("/var/backup/xcat/b/" + f, p.readFile("/var/backup/xcat/b/" + f));
        }
        assertEquals(1, s.exec("tabdump", "nodelist").stdout().split("\n").length);
        ExecResult r = s.exec("restorexCATdb", "-p", "/var/backup/xcat/b");
        assertEquals(0, r.exitCode());
        assertEquals("Restore of Database Complete.\n", r.stdout());
        assertEquals(p.exec("tabdump", "nodelist").stdout(), s.exec("tabdump", "nodelist").stdout());
        assertEquals(p.exec("tabdump", "site").stdout(), s.exec("tabdump", "site").stdout());
    }

    @Test
    public void restoreReportsUnknownFilesAndXcatdDownButExitsZero() {
        SimulatedNode p = sim.primary();
        p.exec("dumpxCATdb", "-p", "/tmp/r").stdoutOrThrow();
        p.writeFile("/tmp/r/pgbackup.123", "x");
        ExecResult r = p.exec("restorexCATdb", "-p", "/tmp/r");
        assertEquals(0, r.exitCode());
        assertEquals("Command failed: tabrestore /tmp/r/pgbackup.123 2>&1. Error message: Error: [xcatmn1]: Unable to open pgbackup.\n\n"
                + "Error running tabrestore /tmp/r/pgbackup.123, Error: [xcatmn1]: Unable to open pgbackup\n", r.stderr());
        stopXcatd(p);
        ExecResult down = p.exec("restorexCATdb", "-p", "/tmp/r");
        assertEquals(0, down.exitCode());
        assertEquals("Restore of Database Complete.\n", down.stdout());
        assertEquals(72 * 6, down.stderr().split("\n", -1).length - 1);
        assertEquals(1, p.exec("restorexCATdb").exitCode());
        assertEquals(" -p with path to database files is required \n\n", p.exec("restorexCATdb").stderr());
        assertEquals(" Input path must exist \n\n", p.exec("restorexCATdb", "-p", "/nope").stderr());
    }

    @Test
    public void verboseRestoreSaysRestoringOnlyAfterATableWasRestoredAndSkippingForWhatItLeavesOut() {
        SimulatedNode p = sim.primary();
        p.exec("chtab", "key=skiptables", "site.value=policy").stdoutOrThrow();
        p.shell("mkdir -p /tmp/v && for t in site hosts policy auditlog; do tabdump $t > /tmp/v/$t.csv; done"
                + " && echo x > /tmp/v/x_teal_event.csv").stdoutOrThrow();
        p.inject(Fault.restoreFails("hosts"));
        ExecResult r = p.exec("restorexCATdb", "-V", "-p", "/tmp/v");
        assertEquals(0, r.exitCode());
        assertThat(r.stdout(), containsString("Restoring site.csv.\n\n"));
        assertThat(r.stdout(), containsString("Skipping auditlog.csv\n\n"));
        assertThat(r.stdout(), containsString("Skipping x_teal_event.csv\n\n"));
        assertThat(r.stdout(), containsString("Skipping policy\n\n"));
        assertFalse("a table that failed is not 'Restoring'", r.stdout().contains("hosts"));
        assertThat(r.stderr(), containsString("Error running tabrestore /tmp/v/hosts.csv, "));
        assertTrue(r.stdout().endsWith("\nRestore of Database Complete.\n"));
        stopXcatd(p);
        ExecResult down = p.exec("restorexCATdb", "-V", "-p", "/tmp/v");
        assertEquals(0, down.exitCode());
        assertFalse("nothing was restored", down.stdout().contains("Restoring"));
        // site and hosts fail, six lines each; policy, auditlog and x_teal_event are skipped
        assertEquals(2 * 6, down.stderr().split("\n", -1).length - 1);
    }

    @Test
    public void dumpDelaySlowsEveryTable() {
        sim.primary().inject(Fault.dumpDelay(10));
        long t0 = System.nanoTime();
        sim.primary().exec("dumpxCATdb", "-p", "/tmp/slow").stdoutOrThrow();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue("71 tables x 10 ms, took " + ms, ms >= 710);
    }

    @Test
    public void auditShowsEveryXcatCommandWithItsArguments() {
        sim.primary().clearAudit();
        sim.primary().exec("dumpxCATdb", "-p", "/tmp/with space").stdoutOrThrow();
        assertEquals(List.of(List.of("dumpxCATdb", "-p", "/tmp/with space")), sim.primary().invocations());
        assertTrue(sim.primary().fileExists("/tmp/with space/site.csv"));
    }
}
