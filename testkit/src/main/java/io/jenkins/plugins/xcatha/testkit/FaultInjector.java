package io.jenkins.plugins.xcatha.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Fault} into changes of a node: files in its state directory that the
 * fakes read ("faults/..."), or changes of the node's own files, each with an undo step.
 */
final class FaultInjector {
    private FaultInjector() {}

    static void apply(SimulatedNode node, Fault f) {
        switch (f.kind()) {
            case COMMAND_FAILS:
                String msg = f.message().isEmpty() || f.message().endsWith("\n") ? f.message() : f.message() + "\n";
                flag(node, "fail." + f.argument(), f.exitCode() + "\n" + msg);
                break;
            case COMMAND_HANGS: flag(node, "hang." + f.argument(), ""); break;
            case NETWORK_DROP: case PRIMARY_UNREACHABLE: node.dropNetwork(); break;
            case VIP_IN_USE: node.replaceClusterFile("vip-in-use", virtualIp(node) + "\n"); break;
            case CRASH: node.crash(); break;
            case CLOCK_SKEW: flag(node, "clock-skew", f.argument()); break;
            case CLOCK_UNSYNCHRONISED: flag(node, "clock-unsynchronised", ""); break;
            case SHARED_DATA_MOUNTED: {
                String line = SharedData.device(f.argument()) + " " + f.argument() + " " + SharedData.fsType(node.flavour()) + "\n";
                String mounts = SimulatedNode.read(node.stateFile("mounts"));
                if (!node.mountedDirs().contains(f.argument())) {
                    node.replaceState("mounts", mounts + line);
                    node.bindShared(f.argument());
                }
                break;
            }
            case CARRIES_VIRTUAL_IP:
                node.holdVirtualIp(virtualIp(node));
                break;
            case DB_ENGINE: {
                DbEngine e = DbEngine.parse(f.argument());
                String line = e.cfglocLine(virtualIp(node), NodeImage.DB_PASSWORD);
                node.replaceFile("/etc/xcat/cfgloc", line == null ? null : line + "\n", "600");
                break;
            }
            case TOOL_MISSING:
                for (String path : toolPaths(node, f.argument())) node.removeFromView(path);
                break;
            case XCATD_CANNOT_START: flag(node, "xcatd-cannot-start", ""); break;
            case DISK_FULL: flag(node, "disk-full", f.argument()); break;
            case TABLE_CORRUPT: flag(node, "table-corrupt." + f.argument(), ""); break;
            case TABLE_UNOPENABLE: flag(node, "table-unopenable." + f.argument(), ""); break;
            case TABLE_UNOPENABLE_DENYING: flag(node, "table-unopenable-denying." + f.argument(), ""); break;
            case TABLE_FAILS: flag(node, "table-fails." + f.argument(), ""); break;
            case RESTORE_FAILS: flag(node, "restore-fails." + f.argument(), ""); break;
            case DUMP_TARGET_UNWRITABLE: flag(node, "dump-target-unwritable", ""); break;
            case DUMP_DELAY: flag(node, "dump-delay", f.argument()); break;
            case SERVICE_STOPPED: {
                Path running = node.stateFile("svc/" + f.argument() + "/running");
                if (Files.exists(running)) {
                    String pid = SimulatedNode.read(running);
                    delete(running);
                    if ("xcatd".equals(f.argument())) XcatDatabase.notification(node.databaseDir(), false);
                    node.onClear(() -> {
                        write(running, pid);
                        if ("xcatd".equals(f.argument())) XcatDatabase.notification(node.databaseDir(), true);
                    });
                }
                break;
            }
            case SERVICE_DISABLED: disable(node, f.argument()); break;
            case PEER_UNRESOLVABLE: {
                StringBuilder kept = new StringBuilder();
                for (String line : node.readFile("/etc/hosts").split("\n")) {
                    String[] words = line.trim().split("\\s+");
                    boolean other = words.length > 1 && words[0].startsWith("127.") && !words[0].equals("127.0.0.1")
                            && !words[0].equals(node.address()) && !words[1].startsWith(NodeImage.VIP_HOSTNAME + ".");
                    if (!other) kept.append(line).append('\n');
                }
                node.replaceFile("/etc/hosts", kept.toString(), null);
                break;
            }
            case SHARED_DATA_BUSY:
                flag(node, "busy." + f.argument().replace('/', '_'), "4242 root bash\n4301 root rsync\n");
                break;
            case MOUNT_FAILS: flag(node, "mount-fails." + f.argument().replace('/', '_'), ""); break;
            case DATABASE_CANNOT_START: flag(node, "database-cannot-start", ""); break;
            case MAKEDHCP_FAILS: flag(node, "makedhcp-fails", ""); break;
            default: throw new IllegalArgumentException("unsupported fault " + f);
        }
    }

    private static String virtualIp(SimulatedNode node) {
        for (String line : SimulatedNode.read(node.stateFile("node.env")).split("\n")) {
            if (line.startsWith("VIRTUAL_IP=")) return line.substring("VIRTUAL_IP=".length()).replace("'", "");
        }
        throw new IllegalStateException("node.env without VIRTUAL_IP");
    }

    private static void flag(SimulatedNode node, String name, String content) {
        write(node.faultFile(name), content);
    }

    /** Where a command is in the node: an absolute path as is, a name searched on PATH. */
    private static List<String> toolPaths(SimulatedNode node, String tool) {
        if (tool.startsWith("/")) return List.of(tool);
        List<String> found = new ArrayList<>();
        for (String dir : NodeImage.PATH.split(":")) {
            String candidate = dir + "/" + tool;
            ExecResult r = node.observe("/bin/sh", "-c", "test -e \"$0\" && readlink -f \"$0\"", candidate);
            if (r.exitCode() == 0) {
                String real = r.stdout().trim();
                if (!found.contains(real)) found.add(real);
            }
        }
        if (found.isEmpty()) throw new IllegalArgumentException("node " + node.role() + " has no command " + tool + " to remove");
        return found;
    }

    /** Keeps a service from starting at boot, the way this node's init system records it. */
    private static void disable(SimulatedNode node, String service) {
        if ("gpfs".equals(service)) {
            // By hand, GPFS is kept from starting at boot with mmchconfig autoload=no, on every OS.
            Path autoload = node.stateFile("svc/gpfs/autoload");
            if (Files.exists(autoload)) {
                delete(autoload);
                node.onClear(() -> write(autoload, ""));
            }
            return;
        }
        switch (node.flavour().initSystem()) {
            case SYSTEMD: {
                Path enabled = node.stateFile("svc/" + service + "/enabled");
                if (Files.exists(enabled)) {
                    delete(enabled);
                    node.onClear(() -> write(enabled, ""));
                }
                break;
            }
            case SYSV: {
                Path levels = node.stateFile("svc/" + service + "/levels");
                String before = SimulatedNode.read(levels);
                write(levels, "");
                node.onClear(() -> write(levels, before));
                break;
            }
            case SRC: {
                if (List.of("dhcpsd", "xntpd", "named").contains(service)) {
                    String rc = node.readFile("/etc/rc.tcpip");
                    node.replaceFile("/etc/rc.tcpip", rc.replaceAll("(?m)^(\\s*start\\s+/usr/sbin/" + service + "\\b)", "#$1"), null);
                } else {
                    String id = "LoadL".equals(service) ? "loadl" : service;
                    String tab = node.readFile("/etc/inittab");
                    node.replaceFile("/etc/inittab", tab.replaceAll("(?m)^(" + id + ":[^:]*:)[^:]*:", "$1off:"), null);
                }
                break;
            }
            default: throw new IllegalStateException();
        }
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
