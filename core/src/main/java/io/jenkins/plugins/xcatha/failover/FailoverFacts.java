package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.procedure.Facts;

/** What failover's preflight learns beyond what standby-prepare's probe gives (StandbyFacts, per node). */
final class FailoverFacts {
    /** Whether the old primary answered over SSH in preflight. */
    static final Facts.Key<Boolean> PRIMARY_REACHABLE = Facts.Key.of("primary reachable", Boolean.class);
    /** Why it did not, as the connection failed. */
    static final Facts.Key<String> PRIMARY_UNREACHABLE_REASON = Facts.Key.of("primary unreachable", String.class);
    /** The old primary's address as the standby resolves its name (unplanned: pinged before each activation). */
    static final Facts.Key<String> PRIMARY_ADDRESS = Facts.Key.of("primary address", String.class);

    private FailoverFacts() {
    }
}
