package app.kontor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsUnitTests {

    @Test
    void anIdIsAVersion7UuidThatStartsWithTheTimeInMilliseconds() {
        var before = System.currentTimeMillis();
        var id = TimeOrderedIds.next();
        var after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsDatabasesCompareThemAndAreUnique() throws Exception {
        var ids = new ArrayList<UUID>();
        for (var i = 0; i < 5; i++) {
            ids.add(TimeOrderedIds.next());
            Thread.sleep(2);
        }
        // PostgreSQL and H2 compare UUIDs as unsigned bytes, which is the order of their text form.
        assertThat(ids).extracting(UUID::toString).isSorted();
        var many = new HashSet<UUID>();
        for (var i = 0; i < 10_000; i++) {
            many.add(TimeOrderedIds.next());
        }
        assertThat(many).hasSize(10_000);
    }
}
