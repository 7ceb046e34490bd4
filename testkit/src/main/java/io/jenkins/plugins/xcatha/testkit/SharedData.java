package io.jenkins.plugins.xcatha.testkit;

/** How a shared directory looks in a node's simulated mount table. */
final class SharedData {
    private SharedData() {}

    /** A device name that stays the same for a directory on both nodes (the same shared disk). */
    static String device(String dir) {
        return "/dev/mapper/" + deviceName(dir);
    }

    /** The device's last path element: also the name of its storage in the cluster's shared/ directory. */
    static String deviceName(String dir) {
        String name = dir.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        return "xcatvg-" + (name.isEmpty() ? "root" : name);
    }

    static String fsType(Flavour f) {
        return f.isAix() ? "jfs2" : "ext4";
    }
}
