package io.jenkins.plugins.xcatha.procedure;

import io.jenkins.plugins.xcatha.exec.RemoteShell;
import java.util.Objects;

/** A management node as a procedure sees it: its role, the name the user gave, and a shell on it. */
public record Node(Role role, String name, RemoteShell shell) {

    public enum Role {
        PRIMARY, STANDBY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Node {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shell, "shell");
    }

    /** For messages: "standby mn2". */
    public String label() {
        return role.id() + " " + name;
    }
}
