package io.jenkins.plugins.xcatha.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SyntheticDatabaseTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path database() throws Exception {
        Path db = folder.newFolder("db").toPath();
        String[][] headers = {
            {"nodelist", "node,groups,status,statustime,appstatus,appstatustime,primarysn,hidden,updatestatus,updatestatustime,zonename,comments,disable"},
            {"hosts", "node,ip,hostnames,otherinterfaces,comments,disable"},
            {"mac", "node,interface,mac,comments,disable"},
            {"nodehm", "node,power,mgt,cons,termserver,termport,conserver,serialport,serialspeed,serialflow,getmac,cmdmapping,consoleondemand,consoleenabled,comments,disable"},
            {"noderes", "node,servicenode,netboot,tftpserver,tftpdir,nfsserver,monserver,nfsdir,installnic,primarynic,discoverynics,cmdinterface,xcatmaster,current_osimage,next_osimage,nimserver,routenames,nameservers,proxydhcp,syslog,comments,disable"},
            {"nodetype", "node,os,arch,profile,provmethod,supportedarchs,nodetype,comments,disable"},
            {"vpd", "node,serial,mtm,side,asset,uuid,comments,disable"},
            {"ipmi", "node,bmc,bmcport,taggedvlan,bmcid,username,password,comments,disable"},
            {"switch", "node,switch,port,vlan,interface,comments,disable"},
            {"nics", "node,nicips,nichostnamesuffixes,nichostnameprefixes,nictypes,niccustomscripts,nicnetworks,nicaliases,nicextraparams,nicdevices,nicsadapter,comments,disable"},
        };
        for (String[] h : headers) {
            Files.writeString(db.resolve(h[0] + ".csv"), "#" + h[1] + "\n" + (h[0].equals("hosts") ? "\"cn1\",\"10.0.1.1\",,,,\n" : ""));
        }
        Files.writeString(db.resolve("site.csv"), "#key,value,comments,disable\n\"domain\",\"cluster.example.com\",,\n");
        return db;
    }

    @Test
    public void growsTheDatabaseToAboutTheAskedSize() throws Exception {
        long total = SyntheticDatabase.grow(database(), 2_000_000);
        assertThat(total, allOf(greaterThanOrEqualTo(2_000_000L), lessThan(2_010_000L)));
    }

    @Test
    public void everyRowHasTheColumnsOfItsTableHeader() throws Exception {
        Path db = database();
        SyntheticDatabase.grow(db, 200_000);
        for (String table : SyntheticDatabase.TABLES) {
            List<String> lines = Files.readAllLines(db.resolve(table + ".csv"));
            int columns = lines.get(0).split(",", -1).length;
            for (String row : lines.subList(1, lines.size())) {
                // no value the generator writes contains a quote; commas inside quotes are group lists
                String unquoted = row.replaceAll("\"[^\"]*\"", "x");
                assertThat(table + ": " + row, unquoted.split(",", -1).length, is(columns));
            }
        }
    }

    @Test
    public void growingAgainReplacesEarlierSyntheticRowsAndKeepsTheOriginalOnes() throws Exception {
        Path db = database();
        SyntheticDatabase.grow(db, 3_000_000);
        long total = SyntheticDatabase.grow(db, 500_000);
        assertThat(total < 600_000, is(true));
        assertThat(Files.readAllLines(db.resolve("hosts.csv")).get(1), is("\"cn1\",\"10.0.1.1\",,,,"));
        assertThat(Files.readString(db.resolve("site.csv")).contains("cluster.example.com"), is(true));
    }
}
