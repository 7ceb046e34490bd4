package io.jenkins.plugins.xcatha.exec.hostkey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What a strategy needs to turn itself into ssh(1) options for one host. */
public interface OpenSshHostKeyContext {
    String host();

    int port();

    /** A directory only this process can read (mode 0700), removed when the shell closes. */
    Path privateDirectory();

    /** The host keys the server offers now (ssh-keyscan), for strategies that pin by fingerprint. */
    List<HostKey> scanHostKeys() throws IOException, InterruptedException;
}
