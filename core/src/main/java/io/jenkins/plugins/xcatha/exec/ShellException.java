package io.jenkins.plugins.xcatha.exec;

import java.io.IOException;

/**
 * A command could not be run or did not finish. The message names the target, the phase and the cause,
 * and never contains key material or passphrases.
 */
public class ShellException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Where in the life of a connection or command the failure happened. */
    public enum Phase {
        CONNECT("connect"),
        KEY_EXCHANGE("key exchange"),
        HOST_KEY("host key verification"),
        AUTHENTICATION("authentication"),
        COMMAND("command"),
        TIMEOUT("timeout"),
        CANCELLED("cancelled");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String target;
    private final Phase phase;

    public ShellException(String target, Phase phase, String message) {
        super(target + ": " + phase.label() + " failed: " + message);
        this.target = target;
        this.phase = phase;
    }

    public ShellException(String target, Phase phase, String message, Throwable cause) {
        super(target + ": " + phase.label() + " failed: " + message, cause);
        this.target = target;
        this.phase = phase;
    }

    public String target() {
        return target;
    }

    public Phase phase() {
        return phase;
    }
}
