package io.jenkins.plugins.xcatha.procedure;

import java.util.Set;

/**
 * A step whose id, title, host(s) and dependencies are fixed when it is built, so that a step class is
 * its check and its action ({@link #run}) and nothing else.
 */
public abstract class AbstractStep implements ProcedureStep {
    private final String id;
    private final String title;
    private final HostScope scope;
    private final Set<String> dependsOn;

    protected AbstractStep(String id, String title, HostScope scope, String... dependsOn) {
        this.id = id;
        this.title = title;
        this.scope = scope;
        this.dependsOn = Set.of(dependsOn);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String host(Cluster cluster) {
        return scope.hosts(cluster);
    }

    @Override
    public final Set<String> dependsOn() {
        return dependsOn;
    }
}
