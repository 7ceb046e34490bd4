package io.jenkins.plugins.xcatha.standby;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.util.List;
import org.junit.Test;

/** Hostile or wrong inputs are refused with the field and the value, before any connection is made. */
public class StandbyPrepareInputsTest {

    @Test
    public void hostileHostNamesAreRejectedNamingTheField() {
        for (String hostile : List.of("mn1;reboot", "$(reboot)", "`reboot`", "mn 1", "-oProxyCommand=reboot",
                "mn1\nreboot", "mn1'", "mn1|reboot", "mn1&&reboot")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> StandbyPrepare.targets(hostile, "mn2"));
            assertThat(hostile, e.getMessage(), containsString("primary"));
            InvalidInputException s = assertThrows(InvalidInputException.class,
                    () -> StandbyPrepare.targets("mn1", hostile));
            assertThat(hostile, s.getMessage(), containsString("standby"));
        }
    }

    @Test
    public void theSameHostTwiceIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StandbyPrepare.targets("mn1.cluster.test:22", "mn1.cluster.test"));
        assertThat(e.getMessage(), containsString("standby"));
        assertThat(e.getMessage(), containsString("give two different management nodes"));
    }

    @Test
    public void hostAndPortAreAccepted() {
        StandbyPrepare.Targets t = StandbyPrepare.targets("mn1.cluster.test", "10.0.0.2:2222");
        assertThat(t.primary().host(), is("mn1.cluster.test"));
        assertThat(t.primary().port(), is(22));
        assertThat(t.standby().port(), is(2222));
    }

    @Test
    public void sharedDirsWithQuotesNewlinesOrShellCharactersAreRejectedBeforeAnythingRuns() {
        for (String hostile : List.of("/install'; reboot; '", "/etc/\"xcat\"", "/install\n/etc", "/tftp$(reboot)",
                "/tftp`reboot`", "/in stall", "/install;reboot", "/install\\x")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> StandbyPrepare.procedure(
                    StandbyPrepareOptions.builder().sharedDirs(List.of("/etc/xcat", hostile)).build()));
            assertThat(hostile, e.getMessage(), containsString("sharedDirs"));
        }
    }
}
