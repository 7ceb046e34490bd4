package io.jenkins.plugins.xcatha.testkit;

/** A service as the node's own tools would report it: installed, running now, started at boot. */
public final class ServiceState {
    private final String name;
    private final boolean installed;
    private final boolean running;
    private final boolean enabled;

    public ServiceState(String name, boolean installed, boolean running, boolean enabled) {
        this.name = name;
        this.installed = installed;
        this.running = running;
        this.enabled = enabled;
    }

    public String name() { return name; }
    public boolean installed() { return installed; }
    public boolean running() { return running; }
    /** Starts at boot (systemd enabled, SysV on in a run level 2-5, AIX inittab/rc.tcpip entry active, GPFS autoload). */
    public boolean enabled() { return enabled; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServiceState)) return false;
        ServiceState s = (ServiceState) o;
        return name.equals(s.name) && installed == s.installed && running == s.running && enabled == s.enabled;
    }

    @Override
    public int hashCode() { return name.hashCode() * 8 + (installed ? 4 : 0) + (running ? 2 : 0) + (enabled ? 1 : 0); }

    @Override
    public String toString() {
        return name + (installed ? "" : " (not installed)") + (running ? " running" : " stopped") + (enabled ? " enabled" : " disabled");
    }
}
