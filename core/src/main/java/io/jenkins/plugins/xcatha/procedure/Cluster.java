package io.jenkins.plugins.xcatha.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The nodes a procedure runs against: a primary, and for standby-prepare a standby. */
public final class Cluster {
    private final Node primary;
    private final Node standby;

    private Cluster(Node primary, Node standby) {
        this.primary = primary;
        this.standby = standby;
    }

    public static Cluster of(Node primary, Node standby) {
        return new Cluster(primary, standby);
    }

    public static Cluster single(Node primary) {
        return new Cluster(primary, null);
    }

    public Node primary() {
        return primary;
    }

    /** The standby; steps of standby-prepare may call it, db-backup has none. */
    public Node standby() {
        if (standby == null) {
            throw new IllegalStateException("this procedure runs without a standby");
        }
        return standby;
    }

    public Optional<Node> standbyIfAny() {
        return Optional.ofNullable(standby);
    }

    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(primary);
        if (standby != null) {
            nodes.add(standby);
        }
        return nodes;
    }

    /** Role id to node name, for the report. */
    public Map<String, String> hosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (Node n : nodes()) {
            hosts.put(n.role().id(), n.name());
        }
        return hosts;
    }
}
