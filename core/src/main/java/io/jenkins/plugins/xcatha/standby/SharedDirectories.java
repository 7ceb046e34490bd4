package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The directories that live on the shared storage, as paths on one node, and which of them are mounted. */
final class SharedDirectories {
    private SharedDirectories() {
    }

    /** The configured list ({@code ~} expanded for the node's OS), plus the engine's DB directory by default. */
    static List<String> on(StandbyPrepareOptions options, OsFamily os, DatabaseEngine engine) {
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : options.sharedDirs()) {
            dirs.add(os.expandHome(d));
        }
        if (!options.sharedDirsGiven() && engine != null) {
            dirs.add(engine.dataDirectory());
        }
        return List.copyOf(dirs);
    }

    /** "DIR (DEVICE)" for every shared directory with a file system mounted on it. */
    static List<String> mounted(MountTable table, List<String> dirs) {
        List<String> found = new ArrayList<>();
        for (String dir : dirs) {
            table.mountedOn(dir).ifPresent(m -> found.add(dir + " (" + m.device() + ")"));
        }
        return found;
    }
}
