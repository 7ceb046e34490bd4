package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.Test;

public class ListFieldTest {

    @Test
    public void splitsOnCommasAndLineBreaksAndDropsBlanks() {
        assertThat(ListField.split(" /etc/xcat,\n/install ;\r\n\n/tftpboot "),
                contains("/etc/xcat", "/install", "/tftpboot"));
    }

    @Test
    public void blankMeansNoItems() {
        assertThat(ListField.split(null), empty());
        assertThat(ListField.split(" \n "), empty());
    }
}
