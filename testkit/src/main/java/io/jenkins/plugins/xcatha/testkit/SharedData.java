package io.jenkins.plugins.xcatha.testkit;

/** How a shared directory looks in a node's simulated mount table. */
final class SharedData {
    private SharedData() {}

    /** A device name that stays the same for a directory on both nodes (the same shared disk). */
    static String device(String dir) {
        String name = dir.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        return "/dev/mapper/xcatvg-" + (name.isEmpty() ? "root" : name);
    }

    static String fsType(Flavour f) {
        return f.isAix() ? "jfs2" : "ext4";
    }
}
