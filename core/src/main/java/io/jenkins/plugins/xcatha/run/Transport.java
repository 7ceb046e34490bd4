package io.jenkins.plugins.xcatha.run;

import java.util.Locale;

/** How commands reach a node. */
public enum Transport {
    /** The system ssh client with a control master: ssh_config, agent and every key type (the CLI's default). */
    OPENSSH,
    /** Trilead SSH2, the Java client Jenkins ships (the plugin's default): PEM keys, SHA-1 algorithms. */
    TRILEAD,
    /** No SSH: the machine the code runs on is the node. */
    LOCAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
