package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The directories that live on the shared storage, as paths on one node, and which of them are mounted. */
public final class SharedDirectories {
    private SharedDirectories() {
    }

    /** Directories that hold the system, never an xCAT shared directory of their own. */
    private static final Set<String> SYSTEM_DIRS = Set.of("/", "/var", "/var/lib", "/opt", "/usr", "/home");

    /**
     * The configured list ({@code ~} expanded for the node's OS), plus, by default, the engine's database
     * directory. DB2 keeps its instance under site.databaseloc ({@code databaseLocation}, may be null:
     * /var/lib by default), where db2sqlsetup creates {@code db2}; the HA docs mount the shared disk on
     * databaseloc itself (e.g. /db2database), so that is shared too unless it is a system directory.
     */
    public static List<String> on(StandbyPrepareOptions options, OsFamily os, DatabaseEngine engine, String databaseLocation) {
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : options.sharedDirs()) {
            dirs.add(os.expandHome(d));
        }
        if (!options.sharedDirsGiven() && engine != null) {
            if (engine == DatabaseEngine.DB2 && databaseLocation != null) {
                String loc = databaseLocation.length() > 1 && databaseLocation.endsWith("/")
                        ? databaseLocation.substring(0, databaseLocation.length() - 1) : databaseLocation;
                if (!SYSTEM_DIRS.contains(loc)) {
                    dirs.add(loc);
                }
                dirs.add((loc.equals("/") ? "" : loc) + "/db2");
            } else {
                dirs.add(engine.dataDirectory());
            }
        }
        return List.copyOf(dirs);
    }

    /** "DIR (DEVICE)" for every shared directory with a file system mounted on it. */
    public static List<String> mounted(MountTable table, List<String> dirs) {
        List<String> found = new ArrayList<>();
        for (String dir : dirs) {
            table.mountedOn(dir).ifPresent(m -> found.add(dir + " (" + m.device() + ")"));
        }
        return found;
    }
}
