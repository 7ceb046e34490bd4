package io.jenkins.plugins.xcatha.exec.hostkey;

/** The server's host key was refused; the message says why and what the operator can do. */
public class HostKeyRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostKeyRejectedException(String message) {
        super(message);
    }
}
