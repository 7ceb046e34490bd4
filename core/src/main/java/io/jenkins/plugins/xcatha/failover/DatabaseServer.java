package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
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
}
