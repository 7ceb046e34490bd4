package io.jenkins.plugins.xcatha.report;

/** The outcome of one procedure step. The names are a contract: reports and dashboards use them. */
public enum Status {
    /** Already as wanted, or the check passed. */
    OK,
    /** The step changed something (in check mode: would change). */
    CHANGED,
    /** Not fatal, but needs a look. */
    WARNING,
    FAILED,
    /** Not applicable, not asked for, or a step it depends on failed. */
    SKIPPED
}
