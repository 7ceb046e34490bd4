package io.jenkins.plugins.xcatha.standby;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.util.List;
import org.junit.Test;

public class StandbyPrepareOptionsTest {

    private static InvalidInputException rejected(StandbyPrepareOptions.Builder builder) {
        return assertThrows(InvalidInputException.class, () -> StandbyPrepare.procedure(builder.build()));
    }

    @Test
    public void defaultsFollowTheDesignVocabulary() {
        StandbyPrepareOptions o = StandbyPrepareOptions.builder().build().validate();
        assertThat(o.sharedDirs(), is(List.of("/etc/xcat", "/install", "~/.xcat", "/tftpboot")));
        assertThat(o.sharedDirsGiven(), is(false));
        assertThat(o.hpcDaemons(), is(List.of("teal", "cnm", "loadl", "gpfs")));
        assertThat(o.maxClockSkewSeconds(), is(2));
        assertThat(o.ntpServer().isPresent(), is(false));
        assertThat(o.generateKeys(), is(false));
        assertThat(o.backupDatabase(), is(false));
        assertThat(o.checkMode(), is(false));
    }

    @Test
    public void hostileSharedDirIsRejectedNamingFieldAndValue() {
        InvalidInputException e = rejected(StandbyPrepareOptions.builder()
                .sharedDirs(List.of("/install", "install; rm -rf /")));
        assertThat(e.field(), is("sharedDirs"));
        assertThat(e.getMessage(), containsString("install; rm -rf /"));
        assertThat(rejected(StandbyPrepareOptions.builder().sharedDirs(List.of("/install/../etc"))).field(),
                is("sharedDirs"));
        assertThat(rejected(StandbyPrepareOptions.builder().sharedDirs(List.of("/etc/xcat\n/tmp"))).getMessage(),
                containsString("\\n"));
        assertThat(rejected(StandbyPrepareOptions.builder().sharedDirs(List.of("/"))).field(), is("sharedDirs"));
        assertThat(rejected(StandbyPrepareOptions.builder().sharedDirs(List.of())).field(), is("sharedDirs"));
    }

    @Test
    public void unknownHpcDaemonIsRejected() {
        InvalidInputException e = rejected(StandbyPrepareOptions.builder().hpcDaemons(List.of("gpfs", "$(reboot)")));
        assertThat(e.field(), is("hpcDaemons"));
        assertThat(e.getMessage(), containsString("$(reboot)"));
    }

    @Test
    public void clockSkewOutOfRangeIsRejected() {
        InvalidInputException e = rejected(StandbyPrepareOptions.builder().maxClockSkewSeconds(-1));
        assertThat(e.field(), is("maxClockSkewSeconds"));
        assertThat(e.getMessage(), containsString("-1"));
    }

    @Test
    public void hostileNtpServerIsRejected() {
        InvalidInputException e = rejected(StandbyPrepareOptions.builder().ntpServer("ntp1;reboot"));
        assertThat(e.field(), is("ntpServer"));
        assertThat(e.getMessage(), containsString("ntp1;reboot"));
        StandbyPrepareOptions.builder().ntpServer("ntp1.example.com").build().validate();
        StandbyPrepareOptions.builder().ntpServer("10.1.0.5").build().validate();
    }

    @Test
    public void unknownInitSystemIsRejected() {
        assertThat(rejected(StandbyPrepareOptions.builder().initSystem("upstart")).field(), is("initSystem"));
        assertThat(StandbyPrepareOptions.builder().initSystem("SysV").build().validate().initSystem()
                .orElseThrow().name(), is("SYSV"));
    }

    @Test
    public void hpcDaemonsAreNormalised() {
        assertThat(StandbyPrepareOptions.builder().hpcDaemons(List.of("GPFS", "teal", "gpfs")).build().validate()
                .hpcDaemons(), is(List.of("gpfs", "teal")));
    }
}
