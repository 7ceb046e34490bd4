package io.jenkins.plugins.xcatha.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by the procedures' options. Each failure names the field and the offending value. */
public final class Validate {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@+-]*");

    private Validate() {
    }

    /** An absolute path on a node; {@code ~} and {@code ~/...} are allowed (root's home differs by OS). */
    public static String absolutePath(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "a path is required");
        }
        String path = value.strip();
        if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new InvalidInputException(field, "'" + printable(value) + "' contains a control character");
        }
        if (!(path.startsWith("/") || path.equals("~") || path.startsWith("~/"))) {
            throw new InvalidInputException(field, "'" + path + "' is not an absolute path");
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new InvalidInputException(field, "'" + path + "' must not contain '..'");
            }
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    public static List<String> absolutePaths(String field, Collection<String> values) {
        List<String> paths = new ArrayList<>();
        for (String v : values) {
            paths.add(absolutePath(field, v));
        }
        return paths;
    }

    public static int atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidInputException(field, value + " is too small (at least " + minimum + ")");
        }
        return value;
    }

    public static int between(String field, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) {
            throw new InvalidInputException(field, value + " is out of range (" + minimum + " to " + maximum + ")");
        }
        return value;
    }

    /** A service, table or daemon name: no shell metacharacters, no leading dash. */
    public static String name(String field, String value) {
        if (value == null || !SAFE_NAME.matcher(value.strip()).matches()) {
            throw new InvalidInputException(field, "'" + printable(value) + "' is not a valid name"
                    + " (letters, digits, '_', '.', '@', '+', '-'; not starting with '-')");
        }
        return value.strip();
    }

    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        return value.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
    }
}
