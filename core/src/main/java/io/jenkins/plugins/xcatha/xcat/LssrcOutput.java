package io.jenkins.plugins.xcatha.xcat;

import java.util.Optional;

/**
 * AIX {@code lssrc -s NAME}: a header {@code Subsystem Group PID Status} and one row whose last field is
 * {@code active}, {@code inoperative}, ...; {@code 0513-085 The NAME Subsystem is not on file.} when the
 * subsystem is not defined.
 */
public final class LssrcOutput {
    private final boolean defined;
    private final String status;

    private LssrcOutput(boolean defined, String status) {
        this.defined = defined;
        this.status = status;
    }

    public static LssrcOutput parse(String subsystem, String stdoutAndStderr) {
        String text = stdoutAndStderr == null ? "" : stdoutAndStderr;
        if (text.contains("not on file")) {
            return new LssrcOutput(false, null);
        }
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2 && fields[0].equals(subsystem)) {
                return new LssrcOutput(true, fields[fields.length - 1]);
            }
        }
        return new LssrcOutput(false, null);
    }

    public boolean defined() {
        return defined;
    }

    public boolean active() {
        return defined && "active".equals(status);
    }

    public Optional<String> status() {
        return Optional.ofNullable(status);
    }
}
