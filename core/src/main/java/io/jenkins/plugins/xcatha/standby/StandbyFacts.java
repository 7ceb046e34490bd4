package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.procedure.Facts;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;

/** What preflight learns about each node, for the steps after it. */
public final class StandbyFacts {
    public static final Facts.Key<Platform> PLATFORM = Facts.Key.of("platform", Platform.class);
    public static final Facts.Key<NodeIdentity> IDENTITY = Facts.Key.of("identity", NodeIdentity.class);
    public static final Facts.Key<DatabaseEngine> ENGINE = Facts.Key.of("database engine", DatabaseEngine.class);
    public static final Facts.Key<String> XCAT_VERSION = Facts.Key.of("xCAT version", String.class);
    /** site.master as the primary's xCAT database has it, resolved to an address. */
    public static final Facts.Key<String> MANAGEMENT_ADDRESS = Facts.Key.of("management address", String.class);

    /** site.databaseloc of the primary: where DB2 keeps its instance directory. */
    public static final Facts.Key<String> DATABASE_LOCATION = Facts.Key.of("database location", String.class);

    private StandbyFacts() {
    }
}
