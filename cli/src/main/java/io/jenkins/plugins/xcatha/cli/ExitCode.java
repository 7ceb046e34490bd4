package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.report.Result;

/** What {@code xcat-ha} returns, for scripts and CI: a contract (DESIGN.md "One vocabulary"). */
public final class ExitCode {
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    /** Bad usage: the message names the option and the value. */
    public static final int USAGE = 2;
    public static final int UNSTABLE = 3;
    /** This machine cannot run simulated nodes (demo, simulate); the message says what to install. */
    public static final int ENVIRONMENT = 4;

    private ExitCode() {
    }

    /** {@code --fail-on-warning} turns UNSTABLE into a failure. */
    public static int of(Result result, boolean failOnWarning) {
        return switch (result) {
            case SUCCESS -> SUCCESS;
            case UNSTABLE -> failOnWarning ? FAILURE : UNSTABLE;
            case FAILURE -> FAILURE;
        };
    }
}
