package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.report.ProcedureReport;
import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.testkit.SimulatedCluster;
import org.junit.Assume;
import org.junit.Test;

public class ScratchTest {
    @Test
    public void scratch() {
        Assume.assumeTrue(System.getProperty("flavour") != null);
        Flavour f = Flavour.valueOf(System.getProperty("flavour", "RHEL9"));
        DbEngine e = DbEngine.valueOf(System.getProperty("engine", "SQLITE"));
        long t0 = System.currentTimeMillis();
        try (SimulatedCluster sim = SimulatedCluster.startPair(f, e)) {
            System.out.println("start " + (System.currentTimeMillis() - t0));
            for (String mode : new String[] {"check", "apply", "apply"}) {
                t0 = System.currentTimeMillis();
                ProcedureReport r = mode.equals("check") ? SimulatedPair.check(sim) : SimulatedPair.apply(sim);
                System.out.println("=== " + mode + " " + (System.currentTimeMillis() - t0) + " ms " + r.result()
                        + SimulatedPair.explain(r));
                if (System.getProperty("verbose") != null) {
                    r.steps().forEach(s -> {
                        System.out.println("# " + s.id() + " " + s.durationMs() + " ms, " + s.commands().size() + " commands");
                        s.commands().forEach(c -> System.out.println("  " + c.durationMs() + " " + c.exitCode() + " "
                                + c.command().substring(0, Math.min(150, c.command().length()))));
                    });
                }
            }
        }
    }
}
