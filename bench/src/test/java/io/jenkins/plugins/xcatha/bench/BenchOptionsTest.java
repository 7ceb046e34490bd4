package io.jenkins.plugins.xcatha.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class BenchOptionsTest {
    @Test
    public void quickModeLeavesOutTheGigabyteBackup() {
        assertThat(BenchMain.Options.parse(new String[] {"--quick"}).sizes, is(List.of(10L, 100L)));
        assertThat(BenchMain.Options.parse(new String[0]).sizes, is(List.of(10L, 100L, 1000L)));
    }

    @Test
    public void anUnknownSuiteIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchMain.Options.parse(new String[] {"--suites", "prepare,speed"}));
        assertThat(e.getMessage(), containsString("'speed'"));
        assertThat(e.getMessage(), containsString("--suites"));
    }

    @Test
    public void aSizeThatIsNotANumberIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchMain.Options.parse(new String[] {"--sizes", "10,1G"}));
        assertThat(e.getMessage(), is("--sizes: '1G' is not a size in MB (1-100000)"));
    }

    @Test
    public void anOptionWithoutItsValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchMain.Options.parse(new String[] {"--heap"}));
        assertThat(e.getMessage(), is("--heap needs a value"));
    }
}
