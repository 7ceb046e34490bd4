package io.jenkins.plugins.xcatha.platform;

import java.util.Set;

/**
 * A service as a node's service manager reports it. {@code bootLevels}: SysV run levels at which it
 * starts; {@code bootEntry}: AIX, the /etc/inittab entry or the /etc/rc.tcpip start line that starts it.
 */
public record ServiceState(String name, boolean installed, boolean running, boolean enabledAtBoot,
                           Set<Integer> bootLevels, String bootEntry) {

    public ServiceState {
        bootLevels = Set.copyOf(bootLevels);
    }

    public static ServiceState notInstalled(String name) {
        return new ServiceState(name, false, false, false, Set.of(), null);
    }

    public boolean stoppedAndDisabled() {
        return !running && !enabledAtBoot;
    }

    /** "running, starts at boot" for messages. */
    public String describe() {
        if (!installed) {
            return "not installed";
        }
        return (running ? "running" : "stopped") + ", " + (enabledAtBoot ? "starts at boot" : "disabled at boot");
    }
}
