package io.jenkins.plugins.xcatha.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Grows a simulated node's xCAT database to a given size by adding compute nodes to the per-node tables
 * (nodelist, hosts, mac, nodehm, noderes, nodetype, vpd, ipmi, switch, nics), in the tabdump CSV format
 * the testkit stores them in ({@code state/db/<table>.csv}, README "Fakes"). MACs, serials, UUIDs and
 * addresses are random, so the tables compress about as well as a real cluster's do, not like a file
 * of repeated lines.
 */
final class SyntheticDatabase {
    static final List<String> TABLES = List.of("nodelist", "hosts", "mac", "nodehm", "noderes", "nodetype", "vpd",
            "ipmi", "switch", "nics");

    private SyntheticDatabase() {
    }

    /**
     * Rewrites the tables so that their total size is about {@code targetBytes} more than the initial
     * database. {@code dbDir} is the node's state/db directory on this machine.
     *
     * @return the bytes of all CSV files in the directory afterwards
     */
    static long grow(Path dbDir, long targetBytes) throws IOException {
        Map<String, String> initial = new LinkedHashMap<>();
        for (String t : TABLES) {
            Path f = dbDir.resolve(t + ".csv");
            String content = Files.readString(f, StandardCharsets.UTF_8);
            // keep the header and the testkit's own rows (cn1-cn4 on the active node), drop earlier synthetic rows
            StringBuilder keep = new StringBuilder();
            for (String line : content.split("\n", -1)) {
                if (!line.isEmpty() && !line.startsWith("\"bench")) {
                    keep.append(line).append('\n');
                }
            }
            initial.put(t, keep.toString());
        }
        List<Writer> writers = new ArrayList<>();
        try {
            long written = 0;
            for (String t : TABLES) {
                Writer w = new BufferedWriter(Files.newBufferedWriter(dbDir.resolve(t + ".csv.tmp")), 1 << 16);
                w.write(initial.get(t));
                writers.add(w);
            }
            SplittableRandom random = new SplittableRandom(20261126L);
            StringBuilder row = new StringBuilder(512);
            for (int n = 1; written < targetBytes; n++) {
                for (int t = 0; t < TABLES.size(); t++) {
                    row.setLength(0);
                    appendRow(row, TABLES.get(t), n, random);
                    row.append('\n');
                    writers.get(t).append(row);
                    written += row.length();
                }
            }
        } finally {
            for (Writer w : writers) {
                w.close();
            }
        }
        for (String t : TABLES) {
            Files.move(dbDir.resolve(t + ".csv.tmp"), dbDir.resolve(t + ".csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        long total = 0;
        try (var files = Files.list(dbDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".csv")) {
                    total += Files.size(f);
                }
            }
        }
        return total;
    }

    private static void appendRow(StringBuilder r, String table, int n, SplittableRandom random) {
        String node = "bench" + n;
        int rack = n / 42;
        String ip = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        switch (table) {
            case "nodelist" -> q(r, node, "compute,all,rack" + rack + ",chassis" + (n / 14), "booted",
                    "11-26-2026 0" + random.nextInt(10) + ":" + two(random.nextInt(60)) + ":" + two(random.nextInt(60)),
                    "", "", "", "", "", "", "", "", "");
            case "hosts" -> q(r, node, ip, node + ".cluster.example.com " + node + "-ib0", "", "", "");
            case "mac" -> q(r, node, "eth0", mac(random) + "!" + node + "|" + mac(random) + "!" + node + "-ib0", "", "");
            case "nodehm" -> q(r, node, "ipmi", "ipmi", "ipmi", "", "", "mgmt" + (rack % 4), "0", "115200", "hard",
                    "", "", "", "", "", "");
            case "noderes" -> q(r, node, "sn" + (rack % 8), "xnba", "", "", "", "", "", "mac", "eth0", "", "",
                    "", "rhels9.4-x86_64-install-compute", "", "", "", "", "", "", "", "");
            case "nodetype" -> q(r, node, "rhels9.4", "x86_64", "compute", "install", "", "osi", "", "");
            case "vpd" -> q(r, node, hex(random, 10).toUpperCase(java.util.Locale.ROOT), "7X21CTO1WW", "",
                    "A" + hex(random, 6), uuid(random), "", "");
            case "ipmi" -> q(r, node, "10.1" + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255), "", "",
                    "", "", "", "", "");
            case "switch" -> q(r, node, "sw-r" + rack, Integer.toString(n % 48 + 1), Integer.toString(100 + rack % 20),
                    "eth0", "", "");
            case "nics" -> q(r, node, "ib0!172.16." + (n >> 8 & 255) + "." + (n & 255), "ib0!-ib0", "", "ib0!Infiniband",
                    "", "ib0!ib_net", "", "", "", "", "", "");
            default -> throw new IllegalArgumentException(table);
        }
    }

    private static void q(StringBuilder r, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                r.append(',');
            }
            if (!values[i].isEmpty()) {
                r.append('"').append(values[i]).append('"');
            }
        }
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String mac(SplittableRandom random) {
        StringBuilder s = new StringBuilder("fa:16:3e");
        for (int i = 0; i < 3; i++) {
            s.append(':').append(hex(random, 2));
        }
        return s.toString();
    }

    private static String uuid(SplittableRandom random) {
        return hex(random, 8) + "-" + hex(random, 4) + "-4" + hex(random, 3) + "-a" + hex(random, 3) + "-"
                + hex(random, 12);
    }

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
