package io.jenkins.plugins.xcatha.testkit;

import java.util.List;
import java.util.Locale;

/** The IBM HPC software whose daemons the standby procedure stops (xcat-facts 6.5). */
public enum HpcDaemon {
    TEAL(List.of("teal", "teal_ll")),
    CNM(List.of("cnmd")),
    LOADL(List.of("LoadL")),
    GPFS(List.of("gpfs"));

    private final List<String> services;

    HpcDaemon(List<String> services) { this.services = services; }

    /** Service (or SRC subsystem) names this product installs on a node. */
    public List<String> services() { return services; }

    public static HpcDaemon parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT);
        return "LL".equals(n) || "LOADLEVELER".equals(n) ? LOADL : valueOf(n);
    }
}
