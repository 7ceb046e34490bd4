package io.jenkins.plugins.xcatha.xcat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.Test;

public class SiteAttributesTest {

    @Test
    public void readsMasterFromLsdef() {
        SiteAttributes site = SiteAttributes.parseLsdef("Object name: clustersite\n"
                + "    SNsyncfiledir=/var/xcat/syncfiles\n    domain=xcat.test\n    master=10.1.0.100\n");
        assertThat(site.master(), is(Optional.of("10.1.0.100")));
        assertThat(site.get("domain"), is(Optional.of("xcat.test")));
    }

    @Test
    public void readsMasterFromTabdumpAndIgnoresDisabledRows() {
        SiteAttributes site = SiteAttributes.parseTabdump("#key,value,comments,disable\n"
                + "\"xcatdport\",\"3001\",,\n\"master\",\"10.1.0.100\",,\n\"domain\",\"old\",,\"1\"\n");
        assertThat(site.master(), is(Optional.of("10.1.0.100")));
        assertThat(site.get("domain"), is(Optional.empty()));
    }

    @Test
    public void noMasterIsEmpty() {
        assertThat(SiteAttributes.parseLsdef("Object name: clustersite\n    domain=x\n").master(),
                is(Optional.empty()));
    }
}
