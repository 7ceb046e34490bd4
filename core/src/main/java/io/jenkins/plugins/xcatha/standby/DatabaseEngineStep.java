package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import java.util.Set;

/**
 * "The database system on the standby management node should be the same as the one running on the
 * primary": compares the engines preflight read from the cfgloc prefix (only the word before the first
 * {@code :} ever leaves a node; the rest of that line is the database password).
 */
final class DatabaseEngineStep extends AbstractStep {
    static final String ID = "database-engine";

    DatabaseEngineStep() {
        super(ID, "Same xCAT database engine on both nodes", HostScope.BOTH, PreflightStep.ID);
    }

    @Override
    public Outcome run(StepContext context) {
        DatabaseEngine primary = context.facts().get(Node.Role.PRIMARY, StandbyFacts.ENGINE).orElseThrow();
        DatabaseEngine standby = context.facts().get(Node.Role.STANDBY, StandbyFacts.ENGINE).orElseThrow();
        if (primary != standby) {
            return Outcome.failed("database engines differ: primary " + context.primary().name() + " uses "
                    + describe(primary) + ", standby " + context.standby().name() + " uses " + describe(standby)
                    + ". Set up the standby with the primary's engine (" + setupHint(primary) + ")");
        }
        return Outcome.ok("both nodes use " + describe(primary));
    }

    private static String describe(DatabaseEngine engine) {
        return engine.displayName() + (engine == DatabaseEngine.SQLITE ? " (no /etc/xcat/cfgloc)"
                : " (/etc/xcat/cfgloc " + engine.prefix() + ":...)");
    }

    private static String setupHint(DatabaseEngine engine) {
        switch (engine) {
            case MYSQL:
                return "mysqlsetup -i";
            case POSTGRESQL:
                return "pgsqlsetup -i";
            case DB2:
                return "db2sqlsetup -i -S";
            default:
                return "remove /etc/xcat/cfgloc to use SQLite";
        }
    }
}
