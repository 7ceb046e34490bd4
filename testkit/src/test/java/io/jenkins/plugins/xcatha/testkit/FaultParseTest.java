package io.jenkins.plugins.xcatha.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class FaultParseTest {
    @Test
    public void everyFaultNameReadsBackToTheSameFault() {
        Fault[] all = {
            Fault.commandFails("lsxcatd", 2, "boom"), Fault.commandHangs("dumpxCATdb"), Fault.networkDrop(), Fault.primaryUnreachable(), Fault.vipInUse(), Fault.crash(),
            Fault.clockSkew(-30), Fault.clockUnsynchronised(), Fault.sharedDataMounted("/install"), Fault.carriesVirtualIp(),
            Fault.dbEngine(DbEngine.DB2), Fault.toolMissing("chronyc"), Fault.xcatdCannotStart(), Fault.diskFull(5),
            Fault.tableCorrupt("postscripts"), Fault.tableUnopenable("hosts"), Fault.tableUnopenableDenying("hosts"), Fault.tableFails("nodelist"), Fault.restoreFails("hosts"),
            Fault.dumpTargetUnwritable(), Fault.dumpDelay(200), Fault.serviceStopped("xcatd"), Fault.serviceDisabled("dhcpd"),
            Fault.peerUnresolvable(), Fault.sharedDataBusy("/tftpboot"), Fault.mountFails("/etc/xcat"),
            Fault.databaseCannotStart(), Fault.makedhcpFails(),
        };
        assertEquals(Fault.Kind.values().length, all.length);
        for (Fault f : all) assertEquals(f, Fault.parse(f.toString()));
    }

    @Test
    public void cliShorthandsHaveDefaults() {
        assertEquals(Fault.commandFails("lsxcatd", 1, ""), Fault.parse("command-fails=lsxcatd"));
        assertEquals(Fault.sharedDataMounted("/install"), Fault.parse("shared-data-mounted"));
        assertEquals(Fault.clockUnsynchronised(), Fault.parse("clock-unsynchronized"));
    }

    @Test
    public void unknownOrIncompleteFaultsAreRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fault.parse("disk-on-fire"));
        assertEquals(true, e.getMessage().contains("table-corrupt"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("table-fails"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("table-fails=a;b"));
    }
}
