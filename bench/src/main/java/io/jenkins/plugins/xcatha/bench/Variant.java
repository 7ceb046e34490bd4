package io.jenkins.plugins.xcatha.bench;

/** The ways of running the same procedure that the benchmark compares. */
enum Variant {
    TRILEAD("engine, Trilead (one connection per node)"),
    OPENSSH("engine, OpenSSH (one ControlMaster per node)"),
    CONNECTION_PER_COMMAND("engine, new Trilead connection per command"),
    SSH_PER_COMMAND("shell script, one ssh per command"),
    NO_SSH("same commands inside the nodes, no SSH (floor)");

    final String label;

    Variant(String label) {
        this.label = label;
    }
}
