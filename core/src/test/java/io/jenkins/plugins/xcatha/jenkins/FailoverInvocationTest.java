package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.failover.Failover;
import io.jenkins.plugins.xcatha.failover.FailoverOptions;
import java.util.List;
import org.junit.Test;

/** xcatFailover's parameters as the engine's failover options, checked on the controller. */
public class FailoverInvocationTest {
    private static Invocation.Builder failover() {
        return Invocation.builder(Invocation.Procedure.FAILOVER).primary("mn1").standby("mn2")
                .virtualIp("10.0.0.1/24").interfaceName("eth0");
    }

    @Test
    public void failoverFieldsBecomeTheEngineOptions() {
        Invocation invocation = failover().planned(true).hpcDaemons("gpfs").sharedDirs("/etc/xcat\n/install")
                .sharedVolumeGroup(" xcatvg ").checkMode(true).build();
        FailoverOptions options = invocation.failoverOptions();
        assertThat(options.virtualIp(), is("10.0.0.1/24"));
        assertThat(options.interfaceName(), is("eth0"));
        assertThat(options.planned(), is(true));
        assertThat(options.hpcDaemonsToStart(), is(List.of("gpfs")));
        assertThat(options.checkMode(), is(true));
        assertThat(options.sharedVolumeGroup().orElseThrow(), is("xcatvg"));
        assertThat(Failover.procedure(options).id(), is(Invocation.Procedure.FAILOVER.id()));
        assertThat(Invocation.Procedure.FAILOVER.stepName(), is("xcatFailover"));
        assertThat(invocation.standby(), is("mn2"));
    }

    @Test
    public void badFailoverFieldsAreRefusedBeforeAnythingConnects() {
        assertThat(assertThrows(InvalidInputException.class, () -> failover().virtualIp("").build()).getMessage(),
                containsString("virtualIp"));
        assertThat(assertThrows(InvalidInputException.class, () -> failover().planned(true).primaryDown(true).build())
                .getMessage(), containsString("primaryDown"));
        assertThat(assertThrows(InvalidInputException.class, () -> failover().standby("").build()).getMessage(),
                containsString("standby"));
    }

    @Test
    public void aLocalFailoverIsRefusedBecauseBothNodesAreReachedOverSsh() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> failover().planned(true).local(true).build());
        assertThat(refused.getMessage(), containsString("local"));
        assertThat(refused.getMessage(), containsString("over SSH"));
    }

    @Test
    public void theFormChecksEachFailoverFieldWithTheSameWords() {
        assertThat(FieldCheck.virtualIp("10.0.0.1").orElseThrow(), containsString("'10.0.0.1' has no prefix length"));
        assertThat(FieldCheck.virtualIp("10.0.0.1;reboot/24").orElseThrow(), containsString("virtualIp"));
        assertThat(FieldCheck.virtualIp(" 10.0.0.1/24 ").isPresent(), is(false));
        assertThat(FieldCheck.interfaceName("eth0:0").orElseThrow(), containsString("no alias suffix"));
        assertThat(FieldCheck.interfaceName("eth0;reboot").orElseThrow(), containsString("'eth0;reboot'"));
        assertThat(FieldCheck.interfaceName("en0").isPresent(), is(false));
        assertThat(FieldCheck.failoverKind(true, true).orElseThrow(), containsString("cannot go with planned"));
        assertThat(FieldCheck.failoverKind(true, false).isPresent(), is(false));
        assertThat(FieldCheck.failoverKind(false, true).isPresent(), is(false));
        assertThat(FieldCheck.sharedVolumeGroup("xcat vg").orElseThrow(), containsString("'xcat vg'"));
        assertThat(FieldCheck.sharedVolumeGroup("").isPresent(), is(false));
        assertThat(FieldCheck.sharedVolumeGroup("xcatvg").isPresent(), is(false));
    }
}
