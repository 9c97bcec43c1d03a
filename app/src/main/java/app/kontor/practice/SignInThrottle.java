package app.kontor.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@value #ACCOUNT_LIMIT} failed sign-ins to one account, or
 * {@value #ADDRESS_LIMIT} from one address, within {@value #WINDOW_MINUTES} minutes, further attempts
 * are refused (even with the right password) until the oldest failure is that old. Failures are rows
 * in the database, so every Kontor server counts the same ones.
 */
@Service
public class SignInThrottle {

    public static final int ACCOUNT_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 20;
    public static final int WINDOW_MINUTES = 15;

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return how long to wait before this account may be tried from this address, or empty when now */
    public Optional<Duration> blockedFor(String email, String address) {
        var now = now();
        return waitFor(accountKey(email), ACCOUNT_LIMIT, now)
                .or(() -> waitFor(addressKey(address), ADDRESS_LIMIT, now))
                .map(until -> Duration.between(now, until));
    }

    @Transactional
    public void recordFailure(String email, String address) {
        var now = now();
        // Old rows are useless; removing them here keeps the table at the size of the current window.
        jdbc.sql("delete from sign_in_failures where failed_at < ?")
                .param(at(now.minus(WINDOW_MINUTES, ChronoUnit.MINUTES)))
                .update();
        for (var subject : new String[] {accountKey(email), addressKey(address)}) {
            jdbc.sql("insert into sign_in_failures (id, subject, failed_at) values (?, ?, ?)")
                    .params(UUID.randomUUID(), subject, at(now))
                    .update();
        }
    }

    /** A correct password clears the account's failures; the address keeps its count. */
    @Transactional
    public void recordSuccess(String email) {
        jdbc.sql("delete from sign_in_failures where subject = ?")
                .param(accountKey(email))
                .update();
    }

    /** When the subject may try again: once fewer than {@code limit} failures are inside the window. */
    private Optional<Instant> waitFor(String subject, int limit, Instant now) {
        var recent = jdbc.sql("select failed_at from sign_in_failures where subject = ? and failed_at >= ?"
                        + " order by failed_at desc")
                .params(subject, at(now.minus(WINDOW_MINUTES, ChronoUnit.MINUTES)))
                .query((rs, row) ->
                        rs.getObject("failed_at", OffsetDateTime.class).toInstant())
                .list();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // Newest first: once the limit-th newest failure leaves the window, fewer than limit remain.
        return Optional.of(recent.get(limit - 1).plus(WINDOW_MINUTES, ChronoUnit.MINUTES));
    }

    private static String accountKey(String email) {
        return "account:" + Practices.canonicalEmail(email);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
