package io.jenkins.plugins.xcatha.cli;

/** Bad usage found after parsing (a file that does not exist, options that exclude each other): exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String option, String message) {
        super(option + ": " + message);
    }
}
