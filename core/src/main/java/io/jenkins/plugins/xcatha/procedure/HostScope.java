package io.jenkins.plugins.xcatha.procedure;

/** Which node(s) of the cluster a step concerns, as the report names them. */
public enum HostScope {
    PRIMARY,
    STANDBY,
    BOTH;

    /** The node name, or "primary, standby" for both. */
    public String hosts(Cluster cluster) {
        switch (this) {
            case PRIMARY:
                return cluster.primary().name();
            case STANDBY:
                return cluster.standby().name();
            default:
                return cluster.primary().name() + ", " + cluster.standby().name();
        }
    }
}
