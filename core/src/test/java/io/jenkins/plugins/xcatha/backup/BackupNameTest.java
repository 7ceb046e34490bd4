package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class BackupNameTest {

    @Test
    public void namesAreUtcSortableAndParseBack() {
        BackupName name = BackupName.at(Instant.parse("2026-11-26T01:02:03.999Z"), 1);
        assertThat(name.value(), equalTo("xcatdb-20261126T010203Z"));
        assertThat(name.createdAt(), equalTo(Instant.parse("2026-11-26T01:02:03Z")));
        assertThat(BackupName.parse(name.value()), equalTo(Optional.of(name)));
        assertThat(name.partialName(), equalTo(".partial-xcatdb-20261126T010203Z"));
        assertThat(name.manifestName(), equalTo("xcatdb-20261126T010203Z.sha256"));
        assertThat(name.metadataName(), equalTo("xcatdb-20261126T010203Z.json"));
    }

    @Test
    public void aSecondRunInTheSameSecondSortsAfterTheFirst() {
        BackupName first = BackupName.parse("xcatdb-20261126T010203Z").orElseThrow();
        BackupName second = BackupName.parse("xcatdb-20261126T010203Z-2").orElseThrow();
        BackupName tenth = BackupName.parse("xcatdb-20261126T010203Z-10").orElseThrow();
        assertThat(first.compareTo(second), lessThan(0));
        assertThat(second.compareTo(tenth), lessThan(0));
    }

    @Test
    public void otherNamesAndImpossibleDatesAreNotOurs() {
        for (String other : new String[] {"xcatdb-latest", "xcatdb-20261340T000000Z", "xcatdb-20260230T000000Z",
                "xcatdb-20261126T250000Z", "xcatdb-20261126T010203", "xcatdb-20261126T010203Z-0",
                "xcatdb-20261126T010203Z.json", "mybackup-20261126T010203Z", "xcatdb-20261126T010203Z/x",
                ".partial-xcatdb-20261126T010203Z"}) {
            assertThat(other, BackupName.parse(other).isPresent(), is(false));
        }
        assertThat(BackupName.parsePartial(".partial-xcatdb-20261126T010203Z").isPresent(), is(true));
        assertThat(BackupName.parsePartial(".partial-other").isPresent(), is(false));
    }
}
