package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import org.junit.Test;

public class RootInventoryTest {

    @Test
    public void readsTheNodesListingKeepingOnlyOurNamePattern() {
        RootInventory inv = RootInventory.parse("""
                now 1796000000
                root exists
                avail 81219000
                entry 1 120 xcatdb-20261120T010000Z
                entry 0 4 xcatdb-20261121T010000Z
                entry 0 8 .partial-xcatdb-20261122T010000Z
                entry 1 9 xcatdb-latest
                entry 1 9 xcatdb-20261123T010000Z old copy
                entry 1 130 xcatdb-20991231T000000Z
                """);
        assertThat(inv.now(), equalTo(Instant.ofEpochSecond(1796000000)));
        assertThat(inv.availableKb(), is(81219000L));
        assertThat(inv.stored(), contains(
                StoredBackup.complete(BackupName.parse("xcatdb-20261120T010000Z").orElseThrow(), 120),
                StoredBackup.unrecognised(BackupName.parse("xcatdb-20261121T010000Z").orElseThrow()),
                StoredBackup.partial(BackupName.parse("xcatdb-20261122T010000Z").orElseThrow()),
                StoredBackup.complete(BackupName.parse("xcatdb-20991231T000000Z").orElseThrow(), 130)));
        // The one dated in the future is no "previous backup" to size or compare with.
        assertThat(inv.newestSuccessful().orElseThrow().name().value(), equalTo("xcatdb-20261120T010000Z"));
    }
}
