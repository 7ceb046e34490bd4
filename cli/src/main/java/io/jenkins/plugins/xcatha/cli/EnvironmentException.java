package io.jenkins.plugins.xcatha.cli;

/** This machine lacks what a command needs (root, sshd, unshare); the message says how to get it. */
final class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EnvironmentException(String message) {
        super(message);
    }
}
