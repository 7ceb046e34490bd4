package io.jenkins.plugins.xcatha.xcat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mount points a node reports. Reads the three shapes seen in practice: Linux {@code mount}
 * ({@code DEV on DIR type FS (OPTS)}), {@code /proc/mounts} or {@code findmnt -rn -o SOURCE,TARGET,...}
 * ({@code DEV DIR FS ...}, octal escapes) and AIX {@code mount} (columns {@code node mounted mounted-over
 * vfs date options}, the node column empty for local file systems).
 */
public final class MountTable {
    private static final Pattern LINUX = Pattern.compile("^(\\S+) on (.+?) type (\\S+)(?: \\(.*\\))?$");

    /** One mounted file system. */
    public record Mount(String device, String mountPoint, String type) {
    }

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    public static MountTable parse(String stdout) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : (stdout == null ? "" : stdout).split("\n")) {
            if (line.isBlank() || line.strip().startsWith("node ") || line.strip().startsWith("--------")) {
                continue;
            }
            Matcher linux = LINUX.matcher(line.strip());
            if (linux.matches()) {
                mounts.add(new Mount(linux.group(1), linux.group(2), linux.group(3)));
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (Character.isWhitespace(line.charAt(0)) && f.length >= 3 && f[1].startsWith("/")) {
                // AIX, local file system: device, mounted over, vfs, date..., options
                mounts.add(new Mount(f[0], f[1], f[2]));
            } else if (f.length >= 4 && f[1].startsWith("/") && f[2].startsWith("/")) {
                // AIX remote file system: node, remote directory, mounted over, vfs, ...
                mounts.add(new Mount(f[0] + ":" + f[1], f[2], f[3]));
            } else if (f.length >= 3 && f[1].startsWith("/")) {
                mounts.add(new Mount(unescape(f[0]), unescape(f[1]), f[2]));
            }
        }
        return new MountTable(mounts);
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else if (c == '\\' && i + 3 < field.length() && field.charAt(i + 1) == 'x') {
                out.append((char) Integer.parseInt(field.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public List<Mount> mounts() {
        return mounts;
    }

    /** The file system mounted exactly on {@code directory}, if any (the last one wins, as in the kernel). */
    public Optional<Mount> mountedOn(String directory) {
        String dir = normalise(directory);
        Mount found = null;
        for (Mount m : mounts) {
            if (normalise(m.mountPoint()).equals(dir)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
