package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The initial xCAT database of a node, written as one tabdump-format CSV per table: the 73
 * tables of xCAT 2.19's schema with their real columns, the site table as xcatconfig fills
 * it, and on the active node a small cluster (nodes, hosts, policy, postscripts...).
 */
final class XcatDatabase {
    /** table name -> CSV header columns, in schema order (from xCAT 2.19 Schema.pm). */
    static final Map<String, List<String>> TABLES = loadTables();

    private XcatDatabase() {}

    private static Map<String, List<String>> loadTables() {
        try (InputStream in = XcatDatabase.class.getResourceAsStream("sim/lib/tables.txt")) {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] parts = line.trim().split(" ", 2);
                tables.put(parts[0], List.of(parts[1].split(",")));
            }
            return Collections.unmodifiableMap(tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 71 tables a default dumpxCATdb writes (all but auditlog and eventlog). */
    static List<String> defaultDumpTables() {
        List<String> t = new ArrayList<>(TABLES.keySet());
        t.remove("auditlog");
        t.remove("eventlog");
        return t;
    }

    static void write(Path dbDir, NodeSpec spec, String virtualIp, String domain, List<String[]> peers) {
        try {
            Files.createDirectories(dbDir);
            Map<String, List<String[]>> rows = new LinkedHashMap<>();
            rows.put("site", siteRows(spec, virtualIp, domain));
            rows.put("policy", List.of(
                    r("1", "root", "", "", "", "", "", "allow", "", ""),
                    r("1.2", spec.hostname(), "", "", "", "", "", "trusted", "", ""),
                    r("2", "", "", "getbmcconfig", "", "", "", "allow", "", ""),
                    r("2.1", "", "", "remoteimmsetup", "", "", "", "allow", "", ""),
                    r("2.3", "", "", "lsxcatd", "", "", "", "allow", "", ""),
                    r("3", "", "", "nextdestiny", "", "", "", "allow", "", ""),
                    r("4", "", "", "getdestiny", "", "", "", "allow", "", ""),
                    r("4.4", "", "", "getpostscript", "", "", "", "allow", "", ""),
                    r("4.5", "", "", "getcredentials", "", "", "", "allow", "", ""),
                    r("4.6", "", "", "syncfiles", "", "", "", "allow", "", ""),
                    r("4.7", "", "", "litefile", "", "", "", "allow", "", ""),
                    r("4.8", "", "", "litetree", "", "", "", "allow", "", ""),
                    r("4.9", "", "", "getadapter", "", "", "", "allow", "", "")));
            rows.put("postscripts", List.of(
                    r("xcatdefaults", "syslog,remoteshell,syncfiles", "otherpkgs", "", ""),
                    r("service", "servicenode", "", "", "")));
            // xcatconfig creates passwd empty: a fresh node has no row until the administrator adds them
            rows.put("passwd", spec.fresh() ? List.of() : List.of(
                    r("omapi", "xcat_key", "c2VjcmV0b21hcGlrZXk=", "", "", "", ""),
                    r("system", "root", "cluster", "", "", "", "")));
            // xcatd runs on a new node: its monitoring handler is registered (see notification())
            rows.put("notification", List.<String[]>of(NOTIFICATION_ROW));
            if (spec.active()) {
                rows.put("networks", List.<String[]>of(r("10_0_0_0-255_255_0_0", "10.0.0.0", "255.255.0.0", "eth0", "<xcatmaster>",
                        "", virtualIp, virtualIp, "", "", "10.0.200.1-10.0.200.254", "", "", "", "", "", "", "", "")));
                List<String[]> nodes = new ArrayList<>(), hosts = new ArrayList<>(), noderes = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    String n = "cn" + i;
                    nodes.add(r(n, "compute,all", "booted", "", "", "", "", "", "", "", "", "", ""));
                    hosts.add(r(n, "10.0.1." + i, n + "." + domain, "", "", ""));
                }
                rows.put("nodelist", nodes);
                rows.put("hosts", hosts);
                noderes.add(r("compute", "", "xnba", virtualIp, "", virtualIp, "", "", "", "", "", "", virtualIp, "", "", "", "", "", "", "", "", ""));
                rows.put("noderes", noderes);
                rows.put("nodehm", List.<String[]>of(r("compute", "ipmi", "ipmi", "ipmi", "", "", "", "", "", "", "", "", "", "", "", "")));
                rows.put("nodetype", List.<String[]>of(r("compute", "rhels9.4", "x86_64", "compute", "", "", "osi", "", "")));
                rows.put("nodegroup", List.<String[]>of(r("compute", "static", "", "", "", "", "")));
                rows.put("osimage", List.<String[]>of(r("rhels9.4-x86_64-install-compute", "", "compute", "Linux", "",
                        "install", "", "", "rhels9.4-x86_64", "", "", "Linux", "rhels9.4", "x86_64")));
            }
            for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
                StringBuilder csv = new StringBuilder("#").append(String.join(",", table.getValue())).append('\n');
                for (String[] r : rows.getOrDefault(table.getKey(), List.of())) {
                    csv.append(row(java.util.Arrays.copyOf(r, table.getValue().size(), String[].class))).append('\n');
                }
                Files.writeString(dbDir.resolve(table.getKey() + ".csv"), csv.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 38 rows xcatconfig writes on a fresh Linux MN (xCAT-server/sbin/xcatconfig), master = the VIP. */
    private static List<String[]> siteRows(NodeSpec spec, String virtualIp, String domain) {
        boolean aix = spec.flavour().isAix();
        String[][] kv = {
            {"blademaxp", "64"}, {"domain", domain}, {"fsptimeout", "0"}, {"installdir", "/install"},
            {"ipmimaxp", "64"}, {"ipmiretries", "3"}, {"ipmitimeout", "2"}, {"consoleondemand", aix ? "yes" : "no"},
            {"master", virtualIp}, {"nameservers", virtualIp}, {"maxssh", "8"}, {"ppcmaxp", "64"},
            {"ppcretry", "3"}, {"ppctimeout", "0"}, {"powerinterval", "0"}, {"syspowerinterval", "0"},
            {"sharedtftp", "1"}, {"SNsyncfiledir", "/var/xcat/syncfiles"}, {"nodesyncfiledir", "/var/xcat/node/syncfiles"},
            {"tftpdir", "/tftpboot"}, {"xcatdport", "3001"}, {"xcatiport", "3002"}, {"xcatconfdir", "/etc/xcat"},
            {"timezone", "America/New_York"}, {"useNmapfromMN", "no"}, {"enableASMI", "no"}, {"db2installloc", "/mntdb2"},
            {"databaseloc", "/var/lib"}, {"sshbetweennodes", "ALLGROUPS"}, {"dnshandler", "ddns"}, {"vsftp", "n"},
            {"cleanupxcatpost", "no"}, {"cleanupdiskfullxcatpost", "no"}, {"dhcplease", "43200"},
            {"auditnosyslog", "0"}, {"xcattlspolicy", "modern"}, {"auditskipcmds", "ALL"},
            {aix ? "useSSHonAIX" : "dhcpsetup", aix ? "yes" : "y"},
        };
        List<String[]> rows = new ArrayList<>();
        for (String[] e : kv) rows.add(r(e[0], e[1]));
        return rows;
    }

    /** The row xcatd adds to notification when it starts (montbhandler.pm) and removes when it stops. */
    private static final String[] NOTIFICATION_ROW = {"montbhandler.pm", "monsetting", "a,u,d", "", ""};

    /** Adds or removes xcatd's notification row, as xcatd itself does when it starts or stops. */
    static void notification(Path dbDir, boolean xcatdRunning) {
        Path table = dbDir.resolve("notification.csv");
        try {
            if (!Files.exists(table)) return;
            String line = row(NOTIFICATION_ROW);
            StringBuilder kept = new StringBuilder();
            for (String l : Files.readAllLines(table)) if (!l.equals(line)) kept.append(l).append('\n');
            if (xcatdRunning) kept.append(line).append('\n');
            Files.writeString(table, kept.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row values; missing trailing columns are empty. */
    private static String[] r(String... values) { return values; }

    /** One CSV line as tabdump writes it: values quoted, empty values empty. */
    static String row(String... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            if (values[i] != null && !values[i].isEmpty()) sb.append('"').append(values[i].replace("\"", "\"\"")).append('"');
        }
        return sb.toString();
    }
}
