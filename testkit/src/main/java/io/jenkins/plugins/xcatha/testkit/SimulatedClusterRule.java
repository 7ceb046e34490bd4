package io.jenkins.plugins.xcatha.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.Assume;
import org.junit.rules.ExternalResource;

/**
 * JUnit 4 rule: a fresh simulated cluster for every test, always torn down. Skips the test
 * (with the exact reason) only where simulated nodes cannot run at all, e.g. not root;
 * on a root CI machine with the packages installed nothing is skipped.
 *
 * <pre>
 * &#64;Rule public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.AIX7, DbEngine.DB2);
 * ... sim.primary().exec("lsxcatd", "-a") ...
 * </pre>
 */
public class SimulatedClusterRule extends ExternalResource {
    private final Supplier<NodeSpec[]> specs;
    private SimulatedCluster cluster;

    public SimulatedClusterRule(NodeSpec... specs) {
        this(() -> specs);
    }

    private SimulatedClusterRule(Supplier<NodeSpec[]> specs) {
        this.specs = specs;
    }

    /** A RHEL9 / SQLite primary+standby pair. */
    public static SimulatedClusterRule pair() { return pair(Flavour.RHEL9, DbEngine.SQLITE); }

    public static SimulatedClusterRule pair(Flavour flavour, DbEngine engine) {
        // NodeSpec is mutable: build new specs per test so one test's changes cannot leak.
        return new SimulatedClusterRule(() -> new NodeSpec[] {
                NodeSpec.node("primary").flavour(flavour).engine(engine),
                NodeSpec.node("standby").flavour(flavour).engine(engine)});
    }

    @Override
    protected void before() {
        String problem = Environment.problem();
        Assume.assumeTrue("simulated xCAT nodes cannot run here: " + problem, problem == null);
        cluster = SimulatedCluster.start(specs.get());
    }

    @Override
    protected void after() {
        if (cluster != null) cluster.close();
        cluster = null;
    }

    public SimulatedCluster cluster() {
        if (cluster == null) throw new IllegalStateException("the cluster exists only while a test runs");
        return cluster;
    }

    public SimulatedNode primary() { return cluster().primary(); }

    public SimulatedNode standby() { return cluster().standby(); }

    public SimulatedNode node(String role) { return cluster().node(role); }

    /** The roles of the nodes this rule starts. */
    public List<String> roles() {
        List<String> r = new ArrayList<>();
        for (NodeSpec s : specs.get()) r.add(s.role());
        return r;
    }
}
