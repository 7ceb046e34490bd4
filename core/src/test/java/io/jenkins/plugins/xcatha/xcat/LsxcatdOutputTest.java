package io.jenkins.plugins.xcatha.xcat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.Test;

public class LsxcatdOutputTest {

    @Test
    public void readsVersionNodeTypeAndEngineOfLsxcatdAll() {
        LsxcatdOutput out = LsxcatdOutput.parse(
                "Version 2.19.0 (git commit 7733d16f8de0fc36b80638c04a7033931fa13304)\n"
                        + "This is a Management Node\ndbengine=SQLite\n");
        assertThat(out.version(), is(Optional.of("2.19.0")));
        assertThat(out.engine(), is(Optional.of(DatabaseEngine.SQLITE)));
        assertThat(out.managementNode(), is(true));
        assertThat(out.serviceNode(), is(false));
    }

    @Test
    public void findsTheVersionAfterAPluginLoadErrorLine() {
        LsxcatdOutput out = LsxcatdOutput.parse(
                "Error loading module /opt/xcat/lib/perl/xCAT_plugin/kvm.pm  ...skipping\n"
                        + "Version 2.8.5 (git commit 0d4888af, built Tue Jul 29 02:22:47 EDT 2014)\n"
                        + "This is a Management Node\ncfgloc=mysql:dbname=xcatdb;host=9.114.34.44|xcatadmin\n"
                        + "dbengine=mysql\ndbname=xcatdb\n");
        assertThat(out.version(), is(Optional.of("2.8.5")));
        assertThat(out.engine(), is(Optional.of(DatabaseEngine.MYSQL)));
    }

    @Test
    public void readsPostgresqlAndDb2Engines() {
        assertThat(LsxcatdOutput.parse("dbengine=Pg\n").engine(), is(Optional.of(DatabaseEngine.POSTGRESQL)));
        assertThat(LsxcatdOutput.parse("cfgloc=DB2:xcatdb|xcatdb\ndbengine=DB2\n").engine(),
                is(Optional.of(DatabaseEngine.DB2)));
    }

    @Test
    public void usageTextHasNoVersion() {
        LsxcatdOutput out = LsxcatdOutput.parse("       lsxcatd [-v|--version]\n       lsxcatd [-h|--help]\n");
        assertThat(out.version(), is(Optional.empty()));
        assertThat(out.engine(), is(Optional.empty()));
    }

    @Test
    public void exit111OrSocketTextMeansXcatdIsNotAnswering() {
        String stdout = "Unable to open socket connection to xcatd daemon on localhost:3001.\n"
                + "Verify that the xcatd daemon is running and that your SSL setup is correct.\n";
        assertThat(LsxcatdOutput.daemonUnreachable(111, stdout), is(true));
        assertThat(LsxcatdOutput.daemonUnreachable(1, stdout), is(true));
        assertThat(LsxcatdOutput.daemonUnreachable(1, "       lsxcatd [-v|--version]\n"), is(false));
        assertThat(LsxcatdOutput.daemonUnreachable(0, "Version 2.19.0\n"), is(false));
    }
}
