package io.jenkins.plugins.xcatha.report;

import java.util.Locale;

/** apply: change what needs changing; check: report what would change and change nothing. */
public enum Mode {
    APPLY, CHECK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
