package io.jenkins.plugins.xcatha.exec;

/** Receives output line by line while a command runs. Called from the shell's reader threads. */
@FunctionalInterface
public interface OutputLineListener {
    enum Stream { STDOUT, STDERR }

    void onLine(Stream stream, String line);
}
