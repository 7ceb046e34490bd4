package io.jenkins.plugins.xcatha.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one simulated management node should look like when it starts. A builder:
 * {@code NodeSpec.node("standby").flavour(Flavour.AIX7).engine(DbEngine.DB2).hpc(HpcDaemon.GPFS)}.
 *
 * <p>Defaults: RHEL9, SQLite, every HPC product installed (the HA docs' Power 775 clusters
 * run all four on both management nodes), hostname xcatmn1 for "primary", xcatmn2 for
 * "standby" and the role itself otherwise; the node named "primary" is the active
 * management node (carries the virtual IP, shared data mounted, full database).
 */
public final class NodeSpec {
    private final String role;
    private Flavour flavour = Flavour.RHEL9;
    private DbEngine engine = DbEngine.SQLITE;
    private String hostname;
    private Set<HpcDaemon> hpc = EnumSet.allOf(HpcDaemon.class);
    private Boolean active;
    private long dumpDelayMillis;
    private boolean fresh;
    private boolean realDurations;
    private final List<Fault> faults = new ArrayList<>();

    private NodeSpec(String role) {
        if (!role.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("node role must be a short lower-case name, got '" + role + "'");
        }
        this.role = role;
    }

    public static NodeSpec node(String role) { return new NodeSpec(role); }

    public NodeSpec flavour(Flavour f) { this.flavour = Objects.requireNonNull(f); return this; }

    public NodeSpec engine(DbEngine e) { this.engine = Objects.requireNonNull(e); return this; }

    public NodeSpec hostname(String h) {
        if (!h.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,62}")) throw new IllegalArgumentException("bad hostname '" + h + "'");
        this.hostname = h;
        return this;
    }

    /** No HPC software at all. */
    public NodeSpec noHpc() { this.hpc = EnumSet.noneOf(HpcDaemon.class); return this; }

    /** Which HPC products are installed (running and enabled at start); see also {@link #noHpc()}. */
    public NodeSpec hpc(HpcDaemon... installed) {
        this.hpc = installed.length == 0 ? EnumSet.noneOf(HpcDaemon.class) : EnumSet.of(installed[0], installed);
        return this;
    }

    public NodeSpec hpc(Set<HpcDaemon> installed) {
        this.hpc = installed.isEmpty() ? EnumSet.noneOf(HpcDaemon.class) : EnumSet.copyOf(installed);
        return this;
    }

    /** Whether this node is the active management node (VIP, shared data mounted). */
    public NodeSpec active(boolean isActive) { this.active = isActive; return this; }

    /** Extra time each table takes in dumpxCATdb and restorexCATdb (default 0: fast). */
    public NodeSpec dumpDelayMillis(long ms) { this.dumpDelayMillis = ms; return this; }

    /** A management node just initialised with xcatconfig: passwd has no row yet. */
    public NodeSpec fresh(boolean isFresh) { this.fresh = isFresh; return this; }

    /**
     * dumpxCATdb and restorexCATdb take as long as on a real 2-core node, per table (71 tables: dump 68 s,
     * with XCATBYPASS 141 s, restore 93 s), so that timeouts, progress and aborts are tried at that scale.
     */
    public NodeSpec realDurations(boolean real) { this.realDurations = real; return this; }

    /** A fault present from the start. */
    public NodeSpec fault(Fault f) { faults.add(Objects.requireNonNull(f)); return this; }

    public String role() { return role; }
    public Flavour flavour() { return flavour; }
    public DbEngine engine() { return engine; }
    public String hostname() {
        if (hostname != null) return hostname;
        switch (role) {
            case "primary": return "xcatmn1";
            case "standby": return "xcatmn2";
            default: return role;
        }
    }
    public Set<HpcDaemon> hpc() { return Collections.unmodifiableSet(hpc); }
    public boolean active() { return active != null ? active : "primary".equals(role); }
    public long dumpDelayMillis() { return dumpDelayMillis; }
    public boolean fresh() { return fresh; }
    public boolean realDurations() { return realDurations; }
    public List<Fault> faults() { return Collections.unmodifiableList(faults); }

    @Override
    public String toString() {
        return role + "(" + hostname() + ", " + flavour + ", " + engine + (active() ? ", active" : "") + ")";
    }
}
