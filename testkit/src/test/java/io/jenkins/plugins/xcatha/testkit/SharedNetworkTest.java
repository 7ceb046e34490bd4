package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import org.junit.Rule;
import org.junit.Test;

/**
 * The network the nodes of a cluster share, as failover needs it: the virtual IP answers from the others while
 * one node holds it and moves with `ip addr add/del`; a cut node answers nothing; something else may hold it.
 */
public class SharedNetworkTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair();

    private String vip() {
        return sim.primary().shell("tr -d ' \\n' < /var/lib/xcat-sim/vip").stdout();
    }

    private int ping(SimulatedNode from, String address) {
        return from.exec("ping", "-c", "1", "-w", "10", address).exitCode();
    }

    @Test
    public void theVirtualIpAnswersFromTheStandbyWhileThePrimaryHoldsIt() {
        String vip = vip();
        ExecResult r = sim.standby().exec("ping", "-c", "1", "-w", "10", vip);
        assertEquals(0, r.exitCode());
        assertThat(r.stdout(), containsString("1 packets transmitted, 1 received, 0% packet loss"));
        assertEquals("DAD finds it taken", 1, sim.standby().exec("arping", "-D", "-c", "1", "-I", "eth0", vip).exitCode());

        assertEquals(0, sim.primary().exec("ip", "addr", "del", vip + "/8", "dev", "eth0").exitCode());
        ExecResult none = sim.standby().exec("ping", "-c", "1", "-w", "10", vip);
        assertEquals(1, none.exitCode());
        assertThat(none.stdout(), containsString("1 packets transmitted, 0 received, 100% packet loss"));
        assertEquals("DAD finds it free", 0, sim.standby().exec("arping", "-D", "-c", "1", "-I", "eth0", vip).exitCode());

        assertEquals(0, sim.standby().exec("ip", "addr", "add", vip + "/8", "dev", "eth0").exitCode());
        assertEquals("it now answers from the old primary", 0, ping(sim.primary(), vip));
        assertThat(sim.standby().exec("ip", "-o", "addr", "show").stdout(), containsString(vip + "/8"));
    }

    @Test
    public void aCutNodeAnswersNothingWhileItsServicesRunOn() {
        String vip = vip();
        sim.primary().inject(Fault.primaryUnreachable());
        assertEquals(1, ping(sim.standby(), vip));
        assertEquals(1, ping(sim.standby(), sim.primary().address()));
        assertEquals("xcatd still runs there", true, sim.primary().service("xcatd").running());
        sim.primary().clearFaults();
        assertEquals(0, ping(sim.standby(), vip));
    }

    @Test
    public void somethingElseMayAnswerOnTheVirtualIp() {
        String vip = vip();
        assertEquals(0, sim.primary().exec("ip", "addr", "del", vip + "/8", "dev", "eth0").exitCode());
        sim.standby().inject(Fault.vipInUse());
        assertEquals(0, ping(sim.standby(), vip));
        sim.standby().clearFaults();
        assertEquals(1, ping(sim.standby(), vip));
    }

    @Test
    public void theNodesAnswerEachOther() {
        assertEquals(0, ping(sim.standby(), sim.primary().address()));
        assertEquals(0, ping(sim.primary(), sim.standby().address()));
        assertEquals(1, ping(sim.primary(), "127.250.250.250"));
    }
}
