package io.jenkins.plugins.xcatha.testkit;

import org.junit.Test;

public class SmokeTest {
    @Test
    public void smoke() {
        long t0 = System.currentTimeMillis();
        try (SimulatedCluster c = SimulatedCluster.startPair()) {
            System.out.println("started in " + (System.currentTimeMillis() - t0) + " ms: " + c);
            System.out.println(c.ssh(c.primary(), "hostname; id; lsxcatd -a; echo rc=$?; systemctl is-active xcatd"));
            System.out.println(c.primary().exec("hostname"));
            System.out.println(c.standby().auditLog());
            System.out.println(c.primary().auditLog());
            System.out.println(c.primary().invocations());
            System.out.println(c.primary().receivedCommands());
            System.out.println(c.primary().service("xcatd"));
            System.out.println(c.primary().processesOfNode());
        }
    }
}
