package app.kontor.xerosync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kontor.KontorIntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KontorIntegrationTest
class PlannerStatisticsIntegrationTests {

    @Autowired
    PlannerStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReadRefreshesAfterItsFirstSecondFourthAndEighthPageAndSoOn() {
        assertThat(IntStream.rangeClosed(0, 130).filter(PlannerStatistics::dueAfter))
                .containsExactly(1, 2, 4, 8, 16, 32, 64, 128);
    }

    @Test
    void onPostgresqlTheTablesMatchingLooksUpAreAnalyzedOnH2NothingIsDone() {
        var postgresql = "postgresql".equals(System.getProperty("kontor.test.database"));
        var before = OffsetDateTime.now().minusSeconds(1);

        assertThat(statistics.refresh()).isEqualTo(postgresql);

        if (postgresql) {
            // PostgreSQL publishes when a table was analyzed with its statistics, flushed within a second or so.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(analyzedSince(before))
                            .containsExactlyInAnyOrder("contacts", "xero_contacts", "xero_links"));
        }
    }

    private List<String> analyzedSince(OffsetDateTime since) {
        return jdbc.sql("""
                        select relname from pg_stat_user_tables
                        where relname in ('contacts', 'xero_contacts', 'xero_links') and last_analyze >= ?""").param(since).query(String.class).list();
    }
}
