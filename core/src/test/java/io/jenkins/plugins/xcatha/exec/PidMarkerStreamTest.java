package io.jenkins.plugins.xcatha.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class PidMarkerStreamTest {
    private static String readAll(PidMarkerStream s) throws Exception {
        return new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    public void takesTheProcessIdOffTheFrontOfStderr() throws Exception {
        PidMarkerStream s = new PidMarkerStream(new ByteArrayInputStream(
                "xcat-ha-pid:4242\nreal error\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(readAll(s), is("real error\n"));
        assertThat(s.awaitPid(0), is(4242L));
    }

    @Test
    public void passesStderrWithoutAMarkerThroughUntouched() throws Exception {
        PidMarkerStream s = new PidMarkerStream(new ByteArrayInputStream(
                "bash: line 1: xcat-ha-pid: oops\nmore".getBytes(StandardCharsets.UTF_8)));
        assertThat(readAll(s), is("bash: line 1: xcat-ha-pid: oops\nmore"));
        assertThat(s.awaitPid(0), is(-1L));
    }

    @Test
    public void anEmptyStderrStaysEmpty() throws Exception {
        PidMarkerStream s = new PidMarkerStream(new ByteArrayInputStream(new byte[0]));
        assertThat(readAll(s), is(""));
        assertThat(s.awaitPid(0), is(-1L));
    }
}
