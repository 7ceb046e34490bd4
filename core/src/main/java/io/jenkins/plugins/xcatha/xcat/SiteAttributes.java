package io.jenkins.plugins.xcatha.xcat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The xCAT site table as {@code lsdef -t site -l} ({@code    attr=value} lines under
 * {@code Object name: clustersite}) or {@code tabdump site} ({@code "key","value",comments,disable}) print it.
 */
public final class SiteAttributes {
    private final Map<String, String> values;

    private SiteAttributes(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static SiteAttributes parseLsdef(String stdout) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : (stdout == null ? "" : stdout).split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("Object name:") || eq <= 0) {
                continue;
            }
            values.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return new SiteAttributes(values);
    }

    public static SiteAttributes parseTabdump(String stdout) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : (stdout == null ? "" : stdout).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            java.util.List<String> fields = CsvLine.split(line.strip());
            if (fields.size() >= 2 && !"1".equals(fields.size() > 3 ? fields.get(3) : "")
                    && !"yes".equalsIgnoreCase(fields.size() > 3 ? fields.get(3) : "")) {
                values.put(fields.get(0), fields.get(1));
            }
        }
        return new SiteAttributes(values);
    }

    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** site.master: the management node as the compute nodes know it; in an HA pair the virtual IP. */
    public Optional<String> master() {
        return get("master");
    }

    public Map<String, String> asMap() {
        return values;
    }
}
