package io.jenkins.plugins.xcatha.report;

import java.util.Collection;

/** The overall result of a procedure, named like Jenkins' build results. */
public enum Result {
    SUCCESS, UNSTABLE, FAILURE;

    /** Any FAILED step gives FAILURE; else any WARNING gives UNSTABLE; else SUCCESS. */
    public static Result of(Collection<Status> statuses) {
        if (statuses.contains(Status.FAILED)) {
            return FAILURE;
        }
        if (statuses.contains(Status.WARNING)) {
            return UNSTABLE;
        }
        return SUCCESS;
    }
}
