package app.kontor.xero.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.KontorIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where Kontor places the end of an organisation's minute window: Xero counts calls in fixed windows
 * (XERO-CONTRACT §3), so a held-back call waits for a minute after the window began, which Kontor
 * learns from the first answer whose remaining count went up.
 */
@KontorIntegrationTest
class RateBudgetsIntegrationTests {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    RateBudgets budgets;

    @Test
    void theWindowEndsAMinuteAfterTheCallThatOpenedItNotAMinuteAfterTheLatest() {
        var tenant = UUID.randomUUID();

        observe(tenant, 59, at(0));
        observe(tenant, 30, at(12));
        observe(tenant, 3, at(25));

        assertThat(budget(tenant).minuteWindowEnd()).isEqualTo(at(60));
    }

    @Test
    void moreCallsLeftThanBeforeMeansANewWindowFromThatCallsSending() {
        var tenant = UUID.randomUUID();
        observe(tenant, 59, at(0));
        observe(tenant, 3, at(40));

        observe(tenant, 59, at(61));
        observe(tenant, 2, at(70));

        assertThat(budget(tenant).minuteRemaining()).isEqualTo(2);
        assertThat(budget(tenant).minuteWindowEnd()).isEqualTo(at(121));
    }

    @Test
    void anAnswerOverAMinuteAfterTheLastOpensANewWindowEvenWithFewerLeft() {
        var tenant = UUID.randomUUID();
        observe(tenant, 10, at(0));

        // Another app's calls (or another server's) may have used the new window meanwhile.
        observe(tenant, 4, at(90));

        assertThat(budget(tenant).minuteWindowEnd()).isEqualTo(at(150));
    }

    @Test
    void withoutAKnownWindowStartItWaitsAMinuteFromTheLatestAnswer() {
        var tenant = UUID.randomUUID();
        // Only the day's figure came: nothing says when a minute window began.
        budgets.observe(tenant, null, 4_000, at(0), at(1));
        budgets.observe(tenant, null, 3_999, at(5), at(6));

        assertThat(budget(tenant).minuteWindowFrom()).isNull();
        assertThat(budget(tenant).minuteWindowEnd()).isEqualTo(at(66));
    }

    private void observe(UUID tenant, int minuteRemaining, Instant sentAt) {
        // The answer arrives 300 ms after the call was sent.
        budgets.observe(tenant, minuteRemaining, 4_000, sentAt, sentAt.plusMillis(300));
    }

    private RateBudgets.Budget budget(UUID tenant) {
        return budgets.find(tenant).orElseThrow();
    }

    private static Instant at(int seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }
}
