package io.jenkins.plugins.xcatha.plugin;

import hudson.AbortException;
import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.io.IOException;

/**
 * Turns an exception thrown by the engine on the agent into one the controller will accept. Engine exceptions
 * are classes of a bundled library, which the controller's class filter rejects (JEP-200), so the step would
 * fail with "Rejected: ..." instead of the engine's message. Only the message and the stack trace travel.
 */
final class AgentFailure {
    private AgentFailure() {}

    static Exception portable(Exception e) {
        if (isPortable(e)) {
            return e;
        }
        IOException portable = e instanceof InvalidInputException
                ? new AbortException(e.getMessage())
                : new IOException(e.getClass().getSimpleName() + ": " + e.getMessage());
        portable.setStackTrace(e.getStackTrace());
        return portable;
    }

    /**
     * Exceptions of the JDK or of Jenkins core whose causes and suppressed exceptions are too. Anything else
     * (the engine's, or Trilead's, which trilead-api bundles as a library) would be rejected on arrival.
     */
    private static boolean isPortable(Throwable e) {
        if (!isJdkOrCore(e.getClass())) {
            return false;
        }
        for (Throwable s : e.getSuppressed()) {
            if (!isPortable(s)) {
                return false;
            }
        }
        return e.getCause() == null || e.getCause() == e || isPortable(e.getCause());
    }

    private static boolean isJdkOrCore(Class<?> c) {
        String name = c.getName();
        return c.getClassLoader() == null || name.startsWith("hudson.") || name.startsWith("jenkins.");
    }
}
