package io.jenkins.plugins.xcatha.platform;

import java.util.Locale;

/** How a node starts services at boot; each has its {@link ServiceManager}. Detected, or set by the user. */
public enum InitSystem {
    SYSTEMD(new SystemdServices()),
    SYSV(new SysvServices()),
    AIX_SRC(new AixSrcServices());

    private final ServiceManager services;

    InitSystem(ServiceManager services) {
        this.services = services;
    }

    public ServiceManager services() {
        return services;
    }

    /** Reads "systemd", "sysv", "src" / "aix". */
    public static InitSystem parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (v) {
            case "systemd":
                return SYSTEMD;
            case "sysv":
            case "sysvinit":
                return SYSV;
            case "src":
            case "aix":
            case "aixsrc":
                return AIX_SRC;
            default:
                throw new IllegalArgumentException("unknown init system '" + value
                        + "' (expected systemd, sysv or src)");
        }
    }
}
