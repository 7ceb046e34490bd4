package io.jenkins.plugins.xcatha.testkit;

import java.util.List;

/**
 * The operating system a simulated management node pretends to run. Each flavour decides
 * the init system, the service names of DHCP and time synchronisation, root's home and what
 * {@code uname -s} and /etc/os-release say.
 */
public enum Flavour {
    RHEL9("Red Hat Enterprise Linux 9.4 (Plow)", InitSystem.SYSTEMD, List.of("dhcpd"), "chronyd",
            "NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"9.4 (Plow)\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\nPLATFORM_ID=\"platform:el9\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"\n"),
    /** RHEL 7 as the xCAT HA docs describe it: SysV scripts with chkconfig run levels and ntpd. */
    RHEL7("Red Hat Enterprise Linux Server 7.9 (Maipo)", InitSystem.SYSV, List.of("dhcpd"), "ntpd",
            "NAME=\"Red Hat Enterprise Linux Server\"\nVERSION=\"7.9 (Maipo)\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"7.9\"\nPRETTY_NAME=\"Red Hat Enterprise Linux Server 7.9 (Maipo)\"\n"),
    SLES15("SUSE Linux Enterprise Server 15 SP5", InitSystem.SYSTEMD, List.of("dhcpd"), "chronyd",
            "NAME=\"SLES\"\nVERSION=\"15-SP5\"\nVERSION_ID=\"15.5\"\nPRETTY_NAME=\"SUSE Linux Enterprise Server 15 SP5\"\nID=\"sles\"\nID_LIKE=\"suse\"\n"),
    UBUNTU22("Ubuntu 22.04.4 LTS", InitSystem.SYSTEMD, List.of("isc-dhcp-server"), "chrony",
            "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\n"),
    /** Ubuntu 24.04 with xCAT's Kea backend: the Ubuntu packages name the units kea-dhcp4-server and kea-dhcp6-server. */
    UBUNTU24("Ubuntu 24.04.1 LTS", InitSystem.SYSTEMD, List.of("kea-dhcp4-server", "kea-dhcp6-server"), "chrony",
            "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.1 LTS (Noble Numbat)\"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n"),
    AIX7("AIX 7.3", InitSystem.SRC, List.of("dhcpsd"), "xntpd", null);

    private final String osName;
    private final InitSystem initSystem;
    private final List<String> dhcpServices;
    private final String timeDaemon;
    private final String osRelease;

    Flavour(String osName, InitSystem initSystem, List<String> dhcpServices, String timeDaemon, String osRelease) {
        this.osName = osName;
        this.initSystem = initSystem;
        this.dhcpServices = dhcpServices;
        this.timeDaemon = timeDaemon;
        this.osRelease = osRelease;
    }

    /** Human-readable OS name and version, as in PRETTY_NAME. */
    public String osName() { return osName; }

    public InitSystem initSystem() { return initSystem; }

    /** DHCP server service names, as the service manager of this flavour knows them. */
    public List<String> dhcpServices() { return dhcpServices; }

    /** The time synchronisation daemon's service name. */
    public String timeDaemon() { return timeDaemon; }

    /** Root's home directory: "/" on AIX, "/root" elsewhere. */
    public String rootHome() { return isAix() ? "/" : "/root"; }

    /** What {@code uname -s} prints. */
    public String unameSystem() { return isAix() ? "AIX" : "Linux"; }

    public boolean isAix() { return this == AIX7; }

    /** Content of /etc/os-release, or null where the OS has none (AIX). */
    public String osRelease() { return osRelease; }

    /** Where time synchronisation is queried: chronyc for chrony, ntpq for ntpd/xntpd. */
    public boolean usesChrony() { return timeDaemon.startsWith("chrony"); }

    /**
     * The time daemon's configuration file: /etc/chrony.conf (RHEL 9, SLES), /etc/chrony/chrony.conf
     * (Ubuntu), /etc/ntp.conf (RHEL 7's ntpd, AIX's xntpd).
     */
    public String timeConfigFile() {
        if (!usesChrony()) return "/etc/ntp.conf";
        return this == UBUNTU22 || this == UBUNTU24 ? "/etc/chrony/chrony.conf" : "/etc/chrony.conf";
    }

    /** Parses "rhel9", "RHEL9", "ubuntu24"... */
    public static Flavour parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace("_", ""));
    }
}
