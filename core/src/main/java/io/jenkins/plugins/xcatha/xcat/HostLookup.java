package io.jenkins.plugins.xcatha.xcat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses a name resolves to on a node, from {@code getent hosts NAME} ({@code ADDR NAME ALIASES})
 * or {@code host NAME} ({@code NAME has address ADDR}, AIX: {@code NAME is ADDR}).
 */
public final class HostLookup {
    private static final Pattern HOST_CMD = Pattern.compile("(?:has (?:IPv6 )?address|\\sis)\\s+([0-9A-Fa-f.:]+)");
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+");

    private HostLookup() {
    }

    public static Set<String> parse(String stdout) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String line : (stdout == null ? "" : stdout).split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            Matcher host = HOST_CMD.matcher(l);
            if (host.find()) {
                addresses.add(host.group(1));
                continue;
            }
            String first = l.split("\\s+")[0];
            if (ADDRESS.matcher(first).matches()) {
                addresses.add(first);
            }
        }
        return addresses;
    }
}
