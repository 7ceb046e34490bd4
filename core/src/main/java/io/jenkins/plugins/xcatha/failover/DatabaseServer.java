package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import java.util.ArrayList;
import java.util.List;

/** The server of an xCAT database engine, as services a node's init system knows (SQLite has none). */
final class DatabaseServer {
    private DatabaseServer() {
    }

    /** The service names the engine's server may have, in the order they are looked for. */
    static List<String> services(DatabaseEngine engine) {
        switch (engine) {
            case MYSQL:
                return List.of("mariadb", "mysqld", "mysql");
            case POSTGRESQL:
                return List.of("postgresql");
            default:
                return List.of();
        }
    }

    /** The engine's server services installed on the node (none for SQLite and DB2, which is an instance). */
    static List<ServiceState> installed(StepContext context, Node node,
            DatabaseEngine engine) throws ShellException, InterruptedException {
        Platform platform = NodeCommands.platform(context, node);
        List<ServiceState> found = new ArrayList<>();
        for (ServiceState s : platform.services().states(NodeCommands.exec(context, node), services(engine))) {
            if (s.installed()) {
                found.add(s);
            }
        }
        return found;
    }

    /** What a node without a DB2 installation lacks, as the failure messages say it. */
    static final String NO_DB2 = "has no DB2 installation under /opt/ibm/db2 or /opt/IBM/db2";

    /** What a node without the engine's server service lacks, as the failure messages say it. */
    static String noService(DatabaseEngine engine) {
        return "has no " + String.join(" or ", services(engine)) + " service";
    }

    /**
     * What the node lacks to serve a database of this engine, as "has no ...", or null when it has the server (or
     * the engine needs none).
     */
    static String missingOn(StepContext context, Node node, DatabaseEngine engine)
            throws ShellException, InterruptedException {
        if (engine == DatabaseEngine.SQLITE) {
            return null;
        }
        if (engine == DatabaseEngine.DB2) {
            return Db2Instance.read(context, node) == null ? NO_DB2 : null;
        }
        return installed(context, node, engine).isEmpty() ? noService(engine) : null;
    }
}
