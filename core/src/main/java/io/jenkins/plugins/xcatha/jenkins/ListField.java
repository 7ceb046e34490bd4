package io.jenkins.plugins.xcatha.jenkins;

import java.util.ArrayList;
import java.util.List;

/**
 * A list typed into one form field or one Pipeline string ({@code 'teal,cnm'}, or one path per line).
 * Paths never contain commas or newlines here, names never contain spaces.
 */
public final class ListField {

    private ListField() {
    }

    /** The non-empty items separated by commas, semicolons or whitespace; empty for null or blank. */
    public static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        for (String item : value.split("[,;\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    public static String join(List<String> items) {
        return items == null ? "" : String.join(",", items);
    }
}
