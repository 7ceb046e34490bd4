package io.jenkins.plugins.xcatha.testkit;

import java.util.Locale;
import java.util.Objects;

/**
 * Something wrong with a simulated node, injected with {@link SimulatedNode#inject(Fault)}
 * or, for the CLI, by name: {@link #parse(String)} reads the same text {@link #toString()}
 * writes, e.g. {@code clock-skew=30}, {@code shared-data-mounted=/install},
 * {@code table-fails=nodelist}, {@code command-fails=lsxcatd:2:boom}.
 */
public final class Fault {

    /** Every kind of fault, with the name used on a command line. */
    public enum Kind {
        COMMAND_FAILS("command-fails"),
        COMMAND_HANGS("command-hangs"),
        NETWORK_DROP("network-drop"),
        PRIMARY_UNREACHABLE("primary-unreachable"),
        VIP_IN_USE("vip-in-use"),
        CRASH("crash"),
        CLOCK_SKEW("clock-skew"),
        CLOCK_UNSYNCHRONISED("clock-unsynchronised"),
        SHARED_DATA_MOUNTED("shared-data-mounted"),
        CARRIES_VIRTUAL_IP("virtual-ip"),
        DB_ENGINE("engine"),
        TOOL_MISSING("tool-missing"),
        XCATD_CANNOT_START("xcatd-cannot-start"),
        DISK_FULL("disk-full"),
        TABLE_CORRUPT("table-corrupt"),
        TABLE_UNOPENABLE("table-unopenable"),
        TABLE_UNOPENABLE_DENYING("table-unopenable-denying"),
        TABLE_FAILS("table-fails"),
        RESTORE_FAILS("restore-fails"),
        DUMP_TARGET_UNWRITABLE("dump-target-unwritable"),
        DUMP_DELAY("dump-delay"),
        SERVICE_STOPPED("service-stopped"),
        SERVICE_DISABLED("service-disabled"),
        PEER_UNRESOLVABLE("peer-unresolvable"),
        SHARED_DATA_BUSY("shared-data-busy"),
        MOUNT_FAILS("mount-fails"),
        DATABASE_CANNOT_START("database-cannot-start"),
        MAKEDHCP_FAILS("makedhcp-fails");

        private final String cliName;

        Kind(String cliName) { this.cliName = cliName; }

        public String cliName() { return cliName; }
    }

    private final Kind kind;
    private final String argument;
    private final int exitCode;
    private final String message;

    private Fault(Kind kind, String argument, int exitCode, String message) {
        this.kind = kind;
        this.argument = argument;
        this.exitCode = exitCode;
        this.message = message;
    }

    private static Fault of(Kind k) { return new Fault(k, null, 0, null); }

    private static Fault of(Kind k, String arg) { return new Fault(k, Objects.requireNonNull(arg), 0, null); }

    /** The named command (e.g. "lsxcatd", "systemctl") exits with {@code exitCode} and prints {@code stderr}. */
    public static Fault commandFails(String command, int exitCode, String stderr) {
        requireWord(command);
        return new Fault(Kind.COMMAND_FAILS, command, exitCode, stderr == null ? "" : stderr);
    }

    /** The named command never returns (until killed). */
    public static Fault commandHangs(String command) { requireWord(command); return of(Kind.COMMAND_HANGS, command); }

    /** Every sshd of the node stops (SIGSTOP): TCP stays open, the peer goes silent. */
    public static Fault networkDrop() { return of(Kind.NETWORK_DROP); }

    /**
     * The node's network is cut while its services go on running (xcatd, the database, the virtual IP): it
     * answers neither SSH nor ping, from the others' side exactly as a node that is down.
     */
    public static Fault primaryUnreachable() { return of(Kind.PRIMARY_UNREACHABLE); }

    /** Something that is none of the cluster's nodes answers on the virtual IP (a stray alias, another host). */
    public static Fault vipInUse() { return of(Kind.VIP_IN_USE); }

    /** Every sshd of the node is killed; files stay readable through the testkit. */
    public static Fault crash() { return of(Kind.CRASH); }

    /** The node's {@code date} runs this many seconds ahead (negative: behind). */
    public static Fault clockSkew(long seconds) { return of(Kind.CLOCK_SKEW, Long.toString(seconds)); }

    /** NTP/chrony report not synchronised (the daemon may still be running). */
    public static Fault clockUnsynchronised() { return of(Kind.CLOCK_UNSYNCHRONISED); }

    /** A shared directory (e.g. /install, /etc/xcat) shows in the node's mount table. */
    public static Fault sharedDataMounted(String dir) {
        if (!dir.startsWith("/")) throw new IllegalArgumentException("shared directory must be absolute: " + dir);
        return of(Kind.SHARED_DATA_MOUNTED, dir);
    }

    /** The node carries the cluster's virtual IP. */
    public static Fault carriesVirtualIp() { return of(Kind.CARRIES_VIRTUAL_IP); }

    /** The node's /etc/xcat/cfgloc points at another database engine. */
    public static Fault dbEngine(DbEngine engine) { return of(Kind.DB_ENGINE, engine.name().toLowerCase(Locale.ROOT)); }

    /** A command is not installed: removed from the node's view (a name or an absolute path). */
    public static Fault toolMissing(String commandOrPath) { return of(Kind.TOOL_MISSING, commandOrPath); }

    /** Every attempt to start xcatd fails (xcat-observed D4). */
    public static Fault xcatdCannotStart() { return of(Kind.XCATD_CANNOT_START); }

    /** The file system under the dump directory fills up after {@code tablesThatFit} CSV files. */
    public static Fault diskFull(int tablesThatFit) { return of(Kind.DISK_FULL, Integer.toString(tablesThatFit)); }

    /** The table's database file is corrupt: dumps give a header-only CSV, rc 0, no stderr (2.4b). */
    public static Fault tableCorrupt(String table) { requireWord(table); return of(Kind.TABLE_CORRUPT, table); }

    /** The table's database file cannot be opened: dumps give a 0-byte CSV, rc 0, no stderr (2.4c). */
    public static Fault tableUnopenable(String table) { requireWord(table); return of(Kind.TABLE_UNOPENABLE, table); }

    /**
     * The table's file cannot be opened and xcatd, which runs on, denies every request with
     * {@code Error: Permission denied for request} (exit 1), lsxcatd included (xcat-observed 2.4d and the
     * second observation); XCATBYPASS commands open the database themselves and dump the table as 0 bytes.
     */
    public static Fault tableUnopenableDenying(String table) { requireWord(table); return of(Kind.TABLE_UNOPENABLE_DENYING, table); }

    /** Writing the table's CSV fails with the 2.4a stderr block; the dump still exits 0. */
    /**
     * restorexCATdb cannot restore the table: a {@code UNIQUE constraint failed} block on stderr, the table keeps
     * its rows, and restorexCATdb still ends with "Restore of Database Complete." and exit 0.
     */
    public static Fault restoreFails(String table) { requireWord(table); return of(Kind.RESTORE_FAILS, table); }

    public static Fault tableFails(String table) { requireWord(table); return of(Kind.TABLE_FAILS, table); }

    /** The dump directory cannot be created (mkdir fails, dumpxCATdb exits 1). */
    public static Fault dumpTargetUnwritable() { return of(Kind.DUMP_TARGET_UNWRITABLE); }

    /** Every table takes this long to dump or restore. */
    public static Fault dumpDelay(long millis) { return of(Kind.DUMP_DELAY, Long.toString(millis)); }

    /** The service is stopped (as if stopped by hand earlier). */
    public static Fault serviceStopped(String service) { requireWord(service); return of(Kind.SERVICE_STOPPED, service); }

    /** The service does not start at boot. */
    public static Fault serviceDisabled(String service) { requireWord(service); return of(Kind.SERVICE_DISABLED, service); }

    /** The node's /etc/hosts no longer lists the other nodes. */
    public static Fault peerUnresolvable() { return of(Kind.PEER_UNRESOLVABLE); }

    /**
     * Processes hold files on a shared directory (default /install): {@code umount} says "target is busy" and
     * {@code fuser} names them (a shell and an rsync of root's), until the fault is cleared.
     */
    public static Fault sharedDataBusy(String dir) { return of(Kind.SHARED_DATA_BUSY, absolute(dir)); }

    /** Mounting a shared directory (default /install) fails: its device does not exist on this node. */
    public static Fault mountFails(String dir) { return of(Kind.MOUNT_FAILS, absolute(dir)); }

    /** The database server (MariaDB/MySQL, PostgreSQL; DB2's db2start) fails every start. */
    public static Fault databaseCannotStart() { return of(Kind.DATABASE_CANNOT_START); }

    /** {@code makedhcp} fails: no interface of this node serves a DHCP network. */
    public static Fault makedhcpFails() { return of(Kind.MAKEDHCP_FAILS); }

    private static String absolute(String dir) {
        if (!dir.startsWith("/")) throw new IllegalArgumentException("shared directory must be absolute: " + dir);
        return dir;
    }

    public Kind kind() { return kind; }

    /** The argument after '=' (command, table, directory, seconds...), or null. */
    public String argument() { return argument; }

    public int exitCode() { return exitCode; }

    public String message() { return message; }

    /**
     * Reads a fault from its command-line name: {@code NAME} or {@code NAME=ARG};
     * {@code command-fails=CMD[:RC[:STDERR]]} (RC defaults to 1).
     */
    public static Fault parse(String text) {
        String t = text.trim();
        int eq = t.indexOf('=');
        String name = (eq < 0 ? t : t.substring(0, eq)).toLowerCase(Locale.ROOT);
        String arg = eq < 0 ? null : t.substring(eq + 1);
        switch (name) {
            case "command-fails": {
                String[] parts = need(name, arg).split(":", 3);
                int rc = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                return commandFails(parts[0], rc, parts.length > 2 ? parts[2] : "");
            }
            case "command-hangs": return commandHangs(need(name, arg));
            case "network-drop": return networkDrop();
            case "primary-unreachable": return primaryUnreachable();
            case "vip-in-use": return vipInUse();
            case "crash": return crash();
            case "clock-skew": return clockSkew(Long.parseLong(need(name, arg)));
            case "clock-unsynchronised": case "clock-unsynchronized": return clockUnsynchronised();
            case "shared-data-mounted": return sharedDataMounted(arg == null ? "/install" : arg);
            case "virtual-ip": return carriesVirtualIp();
            case "engine": return dbEngine(DbEngine.parse(need(name, arg)));
            case "tool-missing": return toolMissing(need(name, arg));
            case "xcatd-cannot-start": return xcatdCannotStart();
            case "disk-full": return diskFull(arg == null ? 10 : Integer.parseInt(arg));
            case "table-corrupt": return tableCorrupt(need(name, arg));
            case "table-unopenable": return tableUnopenable(need(name, arg));
            case "table-unopenable-denying": return tableUnopenableDenying(need(name, arg));
            case "table-fails": return tableFails(need(name, arg));
            case "restore-fails": return restoreFails(need(name, arg));
            case "dump-target-unwritable": return dumpTargetUnwritable();
            case "dump-delay": return dumpDelay(Long.parseLong(need(name, arg)));
            case "service-stopped": return serviceStopped(need(name, arg));
            case "service-disabled": return serviceDisabled(need(name, arg));
            case "peer-unresolvable": return peerUnresolvable();
            case "shared-data-busy": return sharedDataBusy(arg == null ? "/install" : arg);
            case "mount-fails": return mountFails(arg == null ? "/install" : arg);
            case "database-cannot-start": return databaseCannotStart();
            case "makedhcp-fails": return makedhcpFails();
            default:
                StringBuilder known = new StringBuilder();
                for (Kind k : Kind.values()) known.append(known.length() == 0 ? "" : ", ").append(k.cliName());
                throw new IllegalArgumentException("unknown fault '" + text + "'; known: " + known);
        }
    }

    private static String need(String name, String arg) {
        if (arg == null || arg.isEmpty()) throw new IllegalArgumentException("fault " + name + " needs a value: " + name + "=...");
        return arg;
    }

    private static void requireWord(String s) {
        if (!s.matches("[A-Za-z0-9_.+-]+")) throw new IllegalArgumentException("not a plain name: '" + s + "'");
    }

    @Override
    public String toString() {
        if (kind == Kind.COMMAND_FAILS) return kind.cliName() + "=" + argument + ":" + exitCode + (message.isEmpty() ? "" : ":" + message);
        return argument == null ? kind.cliName() : kind.cliName() + "=" + argument;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault && toString().equals(o.toString());
    }

    @Override
    public int hashCode() { return toString().hashCode(); }
}
