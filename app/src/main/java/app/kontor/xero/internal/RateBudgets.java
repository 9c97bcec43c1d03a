package app.kontor.xero.internal;

import static app.kontor.xero.internal.ConnectionRows.instant;
import static app.kontor.xero.internal.ConnectionRows.utc;

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

    record Budget(
            UUID tenantId,
            @Nullable Integer minuteRemaining,
            @Nullable Integer dayRemaining,
            Instant observedAt,
            @Nullable Instant pausedUntil) {}

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
                        instant(rs, "paused_until")))
                .optional();
    }

    /** Records the remaining calls from a response's headers; unknown values keep what was known. */
    void observe(UUID tenantId, @Nullable Integer minuteRemaining, @Nullable Integer dayRemaining, Instant now) {
        upsert(tenantId, """
                update xero_rate_budgets set minute_remaining = coalesce(?, minute_remaining),
                    day_remaining = coalesce(?, day_remaining), observed_at = ?
                where tenant_id = ?""", new Object[] {minuteRemaining, dayRemaining, utc(now), tenantId}, new Object[] {
            tenantId, minuteRemaining, dayRemaining, utc(now), null
        });
    }

    void pauseUntil(UUID tenantId, Instant until, Instant now) {
        upsert(
                tenantId,
                "update xero_rate_budgets set paused_until = ?, observed_at = ? where tenant_id = ?",
                new Object[] {utc(until), utc(now), tenantId},
                new Object[] {tenantId, null, null, utc(now), utc(until)});
    }

    /** Update, else insert; a concurrent insert by another server turns into an update. */
    private void upsert(UUID tenantId, String update, Object[] updateParams, Object[] insertParams) {
        if (jdbc.sql(update).params(updateParams).update() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into xero_rate_budgets (tenant_id, minute_remaining, day_remaining, observed_at,
                                paused_until) values (?, ?, ?, ?, ?)""").params(insertParams).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(update).params(updateParams).update();
        }
    }
}
