package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kontor.xero.XeroContactPage;
import app.kontor.xero.XeroRateLimitedException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageReadAheadUnitTests {

    private static final Instant SECOND = Instant.parse("2026-11-26T10:15:30Z");

    @Test
    void aPageReadAheadIsTakenForTheRequestItWasMadeForOnly() {
        var page = new XeroContactPage(List.of(), 3, 1000, null, 10);
        try (var ahead = new PageReadAhead()) {
            ahead.start(PageReadAhead.Request.at(SECOND, 3), () -> page);
            assertThat(ahead.take(PageReadAhead.Request.at(SECOND, 3))).isSameAs(page);
            assertThat(ahead.take(PageReadAhead.Request.at(SECOND, 3)))
                    .as("taken once")
                    .isNull();

            ahead.start(PageReadAhead.Request.at(SECOND, 4), () -> page);
            assertThat(ahead.take(PageReadAhead.Request.at(SECOND.plusSeconds(1), 1)))
                    .as("the cursor moved elsewhere")
                    .isNull();
        }
    }

    @Test
    void theRequestAsksForWhatChangedSinceASecondBeforeTheCursorsSecond() {
        assertThat(PageReadAhead.Request.at(SECOND, 2)).isEqualTo(new PageReadAhead.Request(2, SECOND.minusSeconds(1)));
        assertThat(PageReadAhead.Request.at(null, 1)).isEqualTo(new PageReadAhead.Request(1, null));
    }

    @Test
    void aFailedReadAheadFailsAsTheReadWouldHave() {
        var limited = new XeroRateLimitedException(XeroRateLimitedException.Limit.DAY, SECOND);
        try (var ahead = new PageReadAhead()) {
            ahead.start(PageReadAhead.Request.at(null, 2), () -> {
                throw limited;
            });
            assertThatThrownBy(() -> ahead.take(PageReadAhead.Request.at(null, 2)))
                    .isSameAs(limited);
        }
    }

    @Test
    void closingInterruptsAReadStillWaiting() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        var ahead = new PageReadAhead();
        ahead.start(PageReadAhead.Request.at(null, 2), () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException expected) {
                interrupted.countDown();
            }
            return null;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        ahead.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ahead.take(PageReadAhead.Request.at(null, 2))).isNull();
    }
}
