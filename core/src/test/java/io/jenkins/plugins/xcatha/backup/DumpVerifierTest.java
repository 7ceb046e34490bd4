package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class DumpVerifierTest {
    private static final String DIR = "/var/backup/xcat/.partial-xcatdb-20261126T010203Z";
    private static final String TABLES = "auditlog\neventlog\nhosts\nnodelist\npasswd\npolicy\nsite\nx_teal_event\n";
    private final DumpVerifier verifier = new DumpVerifier(List.of("site", "passwd", "policy"), 50);

    private static String checks(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static final String ALL_OK = checks("ok hosts 1 60", "ok nodelist 2 90", "ok passwd 2 80",
            "ok policy 5 300", "ok site 38 2000",
            "file f 60 hosts.csv", "file f 90 nodelist.csv", "file f 80 passwd.csv", "file f 300 policy.csv",
            "file f 2000 site.csv");

    private DumpVerifier.Verdict verify(String listing, DumpErrors errors, Map<String, Integer> previous) {
        return verifier.verify(TableSelection.of(TABLES, false, ""), CsvFileCheck.parse(listing), errors, previous);
    }

    @Test
    public void tableListLessWhatDumpxCATdbSkipsOnPurpose() {
        TableSelection s = TableSelection.of("Error loading module /opt/xcat/lib/perl/xCAT_plugin/kvm.pm  ...skipping\n"
                + TABLES + "isnm_perf_hfi\n", false, "hosts,passwd");
        assertThat(s.expected(), contains("nodelist", "policy", "site"));
        assertThat(s.skipped().keySet(), contains("auditlog", "eventlog", "hosts", "passwd", "x_teal_event",
                "isnm_perf_hfi"));
        assertThat(TableSelection.of(TABLES, true, "").expected(), contains("auditlog", "eventlog", "hosts",
                "nodelist", "passwd", "policy", "site"));
    }

    @Test
    public void aCompleteDumpPassesAndCountsRows() {
        DumpVerifier.Verdict v = verify(ALL_OK, new DumpErrors(), Map.of("site", 38, "nodelist", 3));
        assertThat(v.problems(), empty());
        assertThat(v.rows(), equalTo(Map.of("hosts", 1, "nodelist", 2, "passwd", 2, "policy", 5, "site", 38)));
    }

    @Test
    public void aTableFailingOnStderrFailsTheDumpEvenWithExitZero() {
        DumpErrors errors = new DumpErrors();
        errors.acceptAll("Command failed: tabdump -f " + DIR + "/hosts.csv hosts 2>&1. Error message: Error: [mn1]:"
                + " Error on tabdump of hosts to " + DIR + "/hosts.csv. Unable to open the file for write. .\n\n"
                + "Error running tabdump -f " + DIR + "/hosts.csv hosts, Error: [mn1]: Error on tabdump of hosts to "
                + DIR + "/hosts.csv. Unable to open the file for write. \n");
        assertThat(errors.failedTables(), contains("hosts"));
        DumpVerifier.Verdict v = verify(ALL_OK, errors, Map.of());
        assertThat(v.complete(), is(false));
        assertThat(v.problems().get(0), containsString("dumpxCATdb reported errors for 1 table(s): hosts (hosts:"
                + " Error: [mn1]: Error on tabdump"));
    }

    @Test
    public void theBypassBogusModuleTableIsHarmless() {
        DumpErrors errors = new DumpErrors();
        errors.acceptAll("Command failed: tabdump -f " + DIR + "/Error loading module /opt/xcat/lib/perl/xCAT_plugin/"
                + "kvm.pm  ...skipping.csv Error loading module /opt/xcat/lib/perl/xCAT_plugin/kvm.pm  ...skipping"
                + " 2>&1. Error message: Usage: tabdump ...\n\nError running tabdump -f " + DIR + "/Error loading"
                + " module /opt/xcat/lib/perl/xCAT_plugin/kvm.pm  ...skipping.csv Error loading module"
                + " /opt/xcat/lib/perl/xCAT_plugin/kvm.pm  ...skipping, Usage: tabdump\n");
        DumpVerifier.Verdict v = verify(ALL_OK, errors, Map.of());
        assertThat(v.problems(), empty());
        assertThat(v.notes(), hasItem(containsString("Error loading module")));
    }

    @Test
    public void aHeaderOnlyCsvOfATableThatHadRowsFails() {
        String corrupt = ALL_OK.replace("ok nodelist 2 90", "ok nodelist 0 40");
        DumpVerifier.Verdict v = verify(corrupt, new DumpErrors(), Map.of("nodelist", 2, "site", 38));
        assertThat(v.problems(), hasSize(1));
        assertThat(v.problems().get(0), containsString("nodelist (2 -> 0 rows)"));
        // With no earlier backup there is nothing to compare with: an empty table is legitimate.
        assertThat(verify(corrupt, new DumpErrors(), Map.of()).problems(), empty());
    }

    @Test
    public void aSmallLossWithinTheLimitPasses() {
        String fewer = ALL_OK.replace("ok site 38 2000", "ok site 30 1800");
        assertThat(verify(fewer, new DumpErrors(), Map.of("site", 38)).problems(), empty());
    }

    @Test
    public void zeroByteMissingAndHeaderlessCsvsAreNamed() {
        String bad = checks("empty hosts 0 0", "missing nodelist 0 0", "ok passwd 2 80", "noheader policy 5 300",
                "ok site 38 2000", "file f 0 hosts.csv", "file f 80 passwd.csv", "file f 300 policy.csv",
                "file f 2000 site.csv");
        DumpVerifier.Verdict v = verify(bad, new DumpErrors(), Map.of());
        assertThat(v.problems(), hasItem("1 table CSV(s) 0 bytes: hosts"));
        assertThat(v.problems(), hasItem("1 table CSV(s) missing: nodelist"));
        assertThat(v.problems(), hasItem("1 table CSV(s) does not start with its '#' header: policy"));
    }

    @Test
    public void anEssentialTableLeftOutOrEmptiedFailsButOneThatNeverHadRowsIsNoted() {
        String emptyPasswd = ALL_OK.replace("ok passwd 2 80", "ok passwd 0 40");
        DumpVerifier.Verdict fresh = verify(emptyPasswd, new DumpErrors(), Map.of());
        assertThat(fresh.problems(), empty());
        assertThat(fresh.notes(), hasItem(containsString("without rows, as on a freshly initialised management node: passwd")));
        assertThat(verify(emptyPasswd, new DumpErrors(), Map.of("passwd", 2)).problems(),
                contains(containsString("passwd (2 -> 0 rows, an essential table)")));
        DumpVerifier.Verdict skipped = verifier.verify(TableSelection.of(TABLES, false, "passwd"),
                CsvFileCheck.parse(ALL_OK.replace("ok passwd 2 80\n", "")), new DumpErrors(), Map.of());
        assertThat(skipped.problems(), hasItem(containsString("passwd (listed in skiptables)")));
    }

    @Test
    public void aStrayFileInTheDumpDirectoryFails() {
        DumpVerifier.Verdict v = verify(ALL_OK + "file f 10 site.csv.bak\n", new DumpErrors(), Map.of());
        assertThat(v.problems(), contains(containsString("restorexCATdb would replay as tables: site.csv.bak")));
    }

    @Test
    public void runningOutOfSpaceIsNamed() {
        DumpErrors errors = new DumpErrors();
        errors.accept("Error running tabdump -f " + DIR + "/site.csv site, write failed: No space left on device");
        assertThat(verify(ALL_OK, errors, Map.of()).problems(), hasItem(containsString("ran out of space")));
    }

    @Test
    public void anErrorThatNamesNoTableStillFails() {
        DumpErrors errors = new DumpErrors();
        errors.accept("Error running tabdump to get list of tables");
        assertThat(verify(ALL_OK, errors, Map.of()).problems(),
                contains("dumpxCATdb reported: Error running tabdump to get list of tables"));
    }
}
