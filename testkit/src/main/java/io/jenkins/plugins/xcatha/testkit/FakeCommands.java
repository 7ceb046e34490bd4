package io.jenkins.plugins.xcatha.testkit;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which fake command goes where in a node's view. Fakes sit at the real paths, so a
 * procedure that calls /opt/xcat/bin/lsxcatd or /usr/bin/systemctl by full path meets them;
 * tools a flavour does not have are removed from its view (see {@link #ABSENT}).
 */
final class FakeCommands {
    /** One fake script (resource sim/fakes/NAME) installed at every listed path when the predicate holds. */
    static final class Fake {
        final String resource;
        final List<String> paths;
        final Predicate<NodeSpec> when;

        Fake(String resource, List<String> paths, Predicate<NodeSpec> when) {
            this.resource = resource;
            this.paths = paths;
            this.when = when;
        }
    }

    /** A real host tool that a flavour does not have. */
    static final class Absent {
        final String path;
        final Predicate<NodeSpec> when;

        Absent(String path, Predicate<NodeSpec> when) {
            this.path = path;
            this.when = when;
        }
    }

    private static final Predicate<NodeSpec> ALL = s -> true;
    private static final Predicate<NodeSpec> LINUX = s -> !s.flavour().isAix();
    private static final Predicate<NodeSpec> AIX = s -> s.flavour().isAix();
    private static final Predicate<NodeSpec> SYSTEMD = s -> s.flavour().initSystem() == InitSystem.SYSTEMD;
    private static final Predicate<NodeSpec> CHRONY = s -> s.flavour().usesChrony();
    private static final Predicate<NodeSpec> NTP = s -> !s.flavour().usesChrony();

    static final List<Fake> ALL_FAKES = List.of(
            new Fake("lsxcatd", List.of("/opt/xcat/bin/lsxcatd"), ALL),
            new Fake("lsdef", List.of("/opt/xcat/bin/lsdef"), ALL),
            new Fake("chdef", List.of("/opt/xcat/bin/chdef"), ALL),
            new Fake("tabdump", List.of("/opt/xcat/sbin/tabdump"), ALL),
            new Fake("tabrestore", List.of("/opt/xcat/sbin/tabrestore"), ALL),
            new Fake("chtab", List.of("/opt/xcat/sbin/chtab"), ALL),
            new Fake("gettab", List.of("/opt/xcat/bin/gettab"), ALL),
            new Fake("dumpxCATdb", List.of("/opt/xcat/sbin/dumpxCATdb"), ALL),
            new Fake("restorexCATdb", List.of("/opt/xcat/sbin/restorexCATdb"), ALL),
            new Fake("restartxcatd", List.of("/opt/xcat/sbin/restartxcatd"), AIX),
            new Fake("systemctl", List.of("/usr/bin/systemctl"), SYSTEMD),
            new Fake("service", List.of("/usr/sbin/service"), LINUX),
            new Fake("chkconfig", List.of("/usr/sbin/chkconfig"),
                    s -> s.flavour() == Flavour.RHEL7 || s.flavour() == Flavour.RHEL9 || s.flavour() == Flavour.SLES15),
            new Fake("src", List.of("/usr/bin/stopsrc", "/usr/bin/startsrc", "/usr/bin/lssrc", "/usr/bin/rmssys", "/usr/bin/mkssys"), AIX),
            new Fake("inittab", List.of("/usr/sbin/chitab", "/usr/sbin/lsitab", "/usr/sbin/rmitab", "/usr/sbin/mkitab"), AIX),
            new Fake("oslevel", List.of("/usr/bin/oslevel"), AIX),
            new Fake("uname", List.of("/usr/bin/uname"), AIX),
            new Fake("ping", List.of("/usr/bin/ping", "/usr/sbin/ping"), ALL),
            new Fake("arping", List.of("/usr/sbin/arping", "/usr/bin/arping"), LINUX),
            new Fake("chnwm", List.of("/usr/bin/chnwm"), s -> s.flavour().isAix() && s.hpc().contains(HpcDaemon.CNM)),
            new Fake("gpfs", List.of("/usr/lpp/mmfs/bin/mmgetstate", "/usr/lpp/mmfs/bin/mmshutdown", "/usr/lpp/mmfs/bin/mmstartup",
                    "/usr/lpp/mmfs/bin/mmchconfig", "/usr/lpp/mmfs/bin/mmlsconfig"), s -> s.hpc().contains(HpcDaemon.GPFS)),
            new Fake("loadl", List.of("/usr/bin/llctl", "/usr/bin/llstatus"), s -> s.hpc().contains(HpcDaemon.LOADL)),
            new Fake("ntpq", List.of("/usr/sbin/ntpq"), NTP),
            new Fake("chronyc", List.of("/usr/bin/chronyc"), CHRONY),
            new Fake("timedatectl", List.of("/usr/bin/timedatectl"), SYSTEMD),
            new Fake("date", List.of("/usr/bin/date"), ALL),
            new Fake("ip", List.of("/usr/bin/ip", "/usr/sbin/ip"), LINUX),
            new Fake("ifconfig", List.of("/usr/sbin/ifconfig"), ALL),
            new Fake("mount", List.of("/usr/bin/mount", "/usr/bin/umount", "/usr/bin/findmnt", "/usr/bin/mountpoint"), ALL),
            new Fake("host", List.of("/usr/bin/host"), ALL),
            new Fake("exportfs", List.of("/usr/sbin/exportfs"), ALL),
            new Fake("fuser", List.of("/usr/bin/fuser", "/usr/sbin/fuser"), ALL),
            new Fake("makedns", List.of("/opt/xcat/sbin/makedns"), ALL),
            new Fake("makedhcp", List.of("/opt/xcat/sbin/makedhcp"), ALL),
            new Fake("makeconservercf", List.of("/opt/xcat/sbin/makeconservercf"), ALL),
            new Fake("lvm", List.of("/usr/sbin/lsvg", "/usr/sbin/varyonvg", "/usr/sbin/varyoffvg"), AIX),
            new Fake("db2", List.of("/opt/ibm/db2/V11.5/bin/db2gcf", "/opt/ibm/db2/V11.5/bin/db2set",
                    "/opt/ibm/db2/V11.5/instance/db2iauto"), s -> s.engine() == DbEngine.DB2 && !s.flavour().isAix()),
            new Fake("db2", List.of("/opt/IBM/db2/V11.5/bin/db2gcf", "/opt/IBM/db2/V11.5/bin/db2set",
                    "/opt/IBM/db2/V11.5/instance/db2iauto"), s -> s.engine() == DbEngine.DB2 && s.flavour().isAix()));

    static final List<Absent> ABSENT = List.of(
            new Absent("/usr/bin/systemctl", s -> !SYSTEMD.test(s)),
            new Absent("/usr/bin/timedatectl", s -> !SYSTEMD.test(s)),
            new Absent("/usr/sbin/service", AIX),
            new Absent("/usr/bin/ip", AIX),
            new Absent("/usr/sbin/ip", AIX),
            new Absent("/usr/bin/chronyc", NTP),
            new Absent("/usr/sbin/ntpq", CHRONY));

    private FakeCommands() {}
}
