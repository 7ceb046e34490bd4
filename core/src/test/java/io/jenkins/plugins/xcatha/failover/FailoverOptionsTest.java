package io.jenkins.plugins.xcatha.failover;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

public class FailoverOptionsTest {
    private static FailoverOptions.Builder valid() {
        return FailoverOptions.builder().virtualIp("10.0.0.1/24").interfaceName("eth0");
    }

    @Test
    public void stepIdsAndOrderAreTheDesignContract() {
        Procedure p = Failover.procedure(valid().planned(true).build());
        assertThat(p.id(), is("failover"));
        assertThat(p.steps().stream().map(ProcedureStep::id).collect(Collectors.toList()), is(List.of("preflight",
                "deactivate-primary", "virtual-ip", "shared-data", "database", "start-xcatd", "network-services",
                "start-hpc-daemons", "verify")));
        assertThat(Failover.STEP_IDS, is(p.steps().stream().map(ProcedureStep::id).collect(Collectors.toList())));
    }

    @Test
    public void everyActivationStepNeedsTheVirtualIpOrComesAfterXcatd() {
        Procedure p = Failover.procedure(valid().build());
        for (ProcedureStep s : p.steps().subList(3, p.steps().size())) {
            assertThat(s.id(), s.dependsOn().contains("virtual-ip") || s.dependsOn().contains("start-xcatd"), is(true));
        }
    }

    @Test
    public void badInputsNameTheFieldAndTheValue() {
        assertThat(assertThrows(InvalidInputException.class, () -> FailoverOptions.builder().interfaceName("eth0").build()
                .validate()).getMessage(), containsString("virtualIp"));
        assertThat(assertThrows(InvalidInputException.class, () -> valid().virtualIp("10.0.0.1").build().validate())
                .getMessage(), containsString("10.0.0.1/24"));
        assertThat(assertThrows(InvalidInputException.class, () -> valid().virtualIp("10.0.0.300/24").build().validate())
                .getMessage(), containsString("not an IPv4 address"));
        assertThat(assertThrows(InvalidInputException.class, () -> valid().interfaceName("eth0:0").build().validate())
                .getMessage(), containsString("interface"));
        assertThat(assertThrows(InvalidInputException.class, () -> valid().interfaceName("eth0; reboot").build().validate())
                .getMessage(), containsString("interface"));
        assertThat(assertThrows(InvalidInputException.class, () -> valid().planned(true).primaryDown(true).build()
                .validate()).getMessage(), containsString("primaryDown"));
        assertThat(assertThrows(InvalidInputException.class, () -> valid().hpcDaemons(List.of("slurm")).build().validate())
                .getMessage(), containsString("hpcDaemons"));
    }

    @Test
    public void theNetmaskFollowsThePrefix() {
        assertEquals("255.255.255.0", valid().build().netmask());
        assertEquals("255.0.0.0", valid().virtualIp("127.1.2.3/8").build().netmask());
        assertEquals("10.0.0.1", valid().build().virtualAddress());
    }
}
