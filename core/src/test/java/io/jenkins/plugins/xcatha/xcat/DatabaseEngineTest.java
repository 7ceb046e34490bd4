package io.jenkins.plugins.xcatha.xcat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.Test;

public class DatabaseEngineTest {

    @Test
    public void cfglocPrefixMapsLikeXcatGetDbName() {
        assertThat(DatabaseEngine.fromCfglocPrefix("mysql"), is(DatabaseEngine.MYSQL));
        assertThat(DatabaseEngine.fromCfglocPrefix("Pg"), is(DatabaseEngine.POSTGRESQL));
        assertThat(DatabaseEngine.fromCfglocPrefix("DB2\n"), is(DatabaseEngine.DB2));
        assertThat(DatabaseEngine.fromCfglocPrefix(""), is(DatabaseEngine.SQLITE));
        assertThat(DatabaseEngine.fromCfglocPrefix(null), is(DatabaseEngine.SQLITE));
        assertThat(DatabaseEngine.fromCfglocPrefix("/opt/xcat/cfg"), is(DatabaseEngine.SQLITE));
    }

    @Test
    public void dataDirectoriesFollowTheHamnDocs() {
        assertThat(DatabaseEngine.MYSQL.dataDirectory(), is("/var/lib/mysql"));
        assertThat(DatabaseEngine.POSTGRESQL.dataDirectory(), is("/var/lib/pgsql"));
        assertThat(DatabaseEngine.SQLITE.dataDirectory(), is("/etc/xcat"));
    }

    @Test
    public void userSpellingsParse() {
        assertThat(DatabaseEngine.parse("MariaDB"), is(DatabaseEngine.MYSQL));
        assertThat(DatabaseEngine.parse("postgresql"), is(DatabaseEngine.POSTGRESQL));
    }
}
