package app.kontor.xero.internal;

import static app.kontor.xero.internal.ConnectionRows.instant;
import static app.kontor.xero.internal.ConnectionRows.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code xero_rate_budgets} table: each organisation's remaining calls as Xero last reported them. */
@Repository
class RateBudgets {

    /** Xero's minute limit counts calls in fixed one-minute windows (XERO-CONTRACT §3). */
    static final Duration MINUTE_WINDOW = Duration.ofMinutes(1);

    /**
     * @param minuteWindowFrom when the current minute window began at the latest (see {@link #observe})
     */
    record Budget(
            UUID tenantId,
            @Nullable Integer minuteRemaining,
            @Nullable Integer dayRemaining,
            Instant observedAt,
            @Nullable Instant pausedUntil,
            @Nullable Instant minuteWindowFrom) {

        /**
         * When the minute's calls are Xero's to give again: a minute after the window began when Kontor
         * saw it begin, else (conservatively) a minute after the latest answer.
         */
        Instant minuteWindowEnd() {
            return (minuteWindowFrom == null ? observedAt : minuteWindowFrom).plus(MINUTE_WINDOW);
        }
    }

    private final JdbcClient jdbc;

    RateBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Budget> find(UUID tenantId) {
        return jdbc.sql("select * from xero_rate_budgets where tenant_id = ?")
                .param(tenantId)
                .query((rs, row) -> new Budget(
                        rs.getObject("tenant_id", UUID.class),
                        (Integer) rs.getObject("minute_remaining"),
                        (Integer) rs.getObject("day_remaining"),
                        instant(rs, "observed_at"),
                        instant(rs, "paused_until"),
                        instant(rs, "minute_window_from")))
                .optional();
    }

    /**
     * Records the remaining calls from an answer's headers; unknown values keep what was known. An
     * answer with more minute calls left than the last one known (or the first in over a minute) means
     * a new window began, at the latest when this call was sent: Kontor takes that sending time, which
     * is never earlier than the window's true start, so waiting for a minute after it never waits too
     * little.
     */
    void observe(
            UUID tenantId,
            @Nullable Integer minuteRemaining,
            @Nullable Integer dayRemaining,
            Instant sentAt,
            Instant now) {
        var known = find(tenantId).orElse(null);
        var windowFrom = known == null ? null : known.minuteWindowFrom();
        if (minuteRemaining != null
                && (known == null
                        || known.minuteRemaining() == null
                        || minuteRemaining > known.minuteRemaining()
                        || known.observedAt().plus(MINUTE_WINDOW).isBefore(sentAt))) {
            windowFrom = sentAt;
        }
        upsert(
                tenantId,
                """
                update xero_rate_budgets set minute_remaining = coalesce(?, minute_remaining),
                    day_remaining = coalesce(?, day_remaining), observed_at = ?, minute_window_from = ?
                where tenant_id = ?""",
                new Object[] {minuteRemaining, dayRemaining, utc(now), utc(windowFrom), tenantId},
                new Object[] {tenantId, minuteRemaining, dayRemaining, utc(now), null, utc(windowFrom)});
    }

    void pauseUntil(UUID tenantId, Instant until, Instant now) {
        upsert(
                tenantId,
                "update xero_rate_budgets set paused_until = ?, observed_at = ? where tenant_id = ?",
                new Object[] {utc(until), utc(now), tenantId},
                new Object[] {tenantId, null, null, utc(now), utc(until), null});
    }

    /** Update, else insert; a concurrent insert by another server turns into an update. */
    private void upsert(UUID tenantId, String update, Object[] updateParams, Object[] insertParams) {
        if (jdbc.sql(update).params(updateParams).update() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into xero_rate_budgets (tenant_id, minute_remaining, day_remaining, observed_at,
                                paused_until, minute_window_from) values (?, ?, ?, ?, ?, ?)""").params(insertParams).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(update).params(updateParams).update();
        }
    }
}
