package app.kontor.xerosync.webhook;

import app.kontor.shared.PracticeId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code xero_webhook_events} table. */
@Repository
class WebhookEventRows {

    enum Status {
        /** Waiting to be handed to the sync. */
        RECEIVED,
        PROCESSED,
        /** Not relevant to Kontor; {@code reason} says why. */
        IGNORED,
        /** The sync failed on it repeatedly; {@code reason} holds the last error. */
        FAILED
    }

    /** One row to insert. */
    record NewEvent(
            String dedupeKey,
            @Nullable UUID tenantId,
            @Nullable PracticeId practice,
            WebhookBatch.Event event,
            Status status,
            @Nullable String reason) {}

    /** A contact event waiting for processing. */
    record PendingEvent(UUID id, String resourceId) {}

    private static final int REASON_LENGTH = 500;
    /** Keeps IN lists short enough for any database. */
    private static final int IDS_PER_STATEMENT = 500;

    private final JdbcClient jdbc;

    WebhookEventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the event unless one with the same de-duplication key is stored already (a duplicated
     * delivery). {@code on conflict do nothing} without a target is understood by PostgreSQL and by
     * H2 in PostgreSQL mode; the only unique key besides the random id is {@code dedupe_key}.
     *
     * @return whether the row was new
     */
    boolean insertIfAbsent(NewEvent row, Instant receivedAt) {
        var event = row.event();
        return jdbc.sql("""
                        insert into xero_webhook_events (id, dedupe_key, tenant_id, practice_id, resource_id,
                            resource_url, event_category, event_type, event_date_utc, status, reason, received_at)
                        values (:id, :key, :tenant, :practice, :resource, :url, :category, :type, :date, :status,
                            :reason, :receivedAt)
                        on conflict do nothing""")
                        .param("id", UUID.randomUUID())
                        .param("key", row.dedupeKey())
                        .param("tenant", row.tenantId())
                        .param(
                                "practice",
                                row.practice() == null ? null : row.practice().value())
                        .param("resource", truncate(event.resourceId(), 100))
                        .param("url", truncate(event.resourceUrl(), 1000))
                        .param("category", truncate(event.eventCategory(), 40))
                        .param("type", truncate(event.eventType(), 40))
                        .param("date", truncate(event.eventDateUtc(), 40))
                        .param("status", row.status().name())
                        .param("reason", truncate(row.reason(), REASON_LENGTH))
                        .param("receivedAt", utc(receivedAt))
                        .update()
                == 1;
    }

    /** Which practice, if any, is connected to the organisation right now (owned by the xero module). */
    Optional<PracticeId> practiceConnectedTo(UUID tenantId) {
        return jdbc.sql("select practice_id from xero_connections where active_tenant_id = ?")
                .param(tenantId)
                .query((rs, row) -> new PracticeId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The oldest contact events of the organisation still waiting, at most {@code limit}. */
    List<PendingEvent> pending(UUID tenantId, int limit) {
        return jdbc.sql("""
                        select id, resource_id from xero_webhook_events
                        where tenant_id = ? and status = ?
                        order by received_at, id
                        fetch first %d rows only""".formatted(limit))
                .params(tenantId, Status.RECEIVED.name())
                .query((rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("resource_id")))
                .list();
    }

    boolean hasPending(UUID tenantId) {
        return jdbc.sql("select count(*) from xero_webhook_events where tenant_id = ? and status = ?")
                        .params(tenantId, Status.RECEIVED.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Organisations with events that have waited since before {@code receivedBefore}. */
    List<UUID> tenantsWaitingSince(Instant receivedBefore) {
        return jdbc.sql("select distinct tenant_id from xero_webhook_events where status = ? and received_at < ?")
                .params(Status.RECEIVED.name(), utc(receivedBefore))
                .query(UUID.class)
                .list();
    }

    void markProcessed(Collection<UUID> ids, Instant at) {
        forChunks(
                ids,
                chunk -> jdbc.sql("""
                        update xero_webhook_events set status = :processed, processed_at = :at
                        where id in (:ids) and status = :received""")
                        .param("processed", Status.PROCESSED.name())
                        .param("at", utc(at))
                        .param("ids", chunk)
                        .param("received", Status.RECEIVED.name())
                        .update());
    }

    void markIgnored(Collection<UUID> ids, String reason, Instant at) {
        forChunks(
                ids,
                chunk -> jdbc.sql("""
                        update xero_webhook_events set status = :ignored, reason = :reason, processed_at = :at
                        where id in (:ids) and status = :received""")
                        .param("ignored", Status.IGNORED.name())
                        .param("reason", truncate(reason, REASON_LENGTH))
                        .param("at", utc(at))
                        .param("ids", chunk)
                        .param("received", Status.RECEIVED.name())
                        .update());
    }

    /** Counts a failed hand-over; events that failed {@code maxAttempts} times are given up as FAILED. */
    void recordFailure(Collection<UUID> ids, String error, int maxAttempts, Instant at) {
        forChunks(ids, chunk -> {
            jdbc.sql("""
                            update xero_webhook_events set attempts = attempts + 1, reason = :reason
                            where id in (:ids) and status = :received""")
                    .param("reason", truncate(error, REASON_LENGTH))
                    .param("ids", chunk)
                    .param("received", Status.RECEIVED.name())
                    .update();
            jdbc.sql("""
                            update xero_webhook_events set status = :failed, processed_at = :at
                            where id in (:ids) and status = :received and attempts >= :max""")
                    .param("failed", Status.FAILED.name())
                    .param("at", utc(at))
                    .param("ids", chunk)
                    .param("received", Status.RECEIVED.name())
                    .param("max", maxAttempts)
                    .update();
        });
    }

    /** Forgets settled events received before {@code before}; waiting ones stay. */
    int deleteSettledBefore(Instant before) {
        return jdbc.sql("delete from xero_webhook_events where status <> ? and received_at < ?")
                .params(Status.RECEIVED.name(), utc(before))
                .update();
    }

    Map<Status, Long> countsSince(PracticeId practice, Instant since) {
        var counts = new EnumMap<Status, Long>(Status.class);
        for (var status : Status.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("""
                        select status, count(*) as n from xero_webhook_events
                        where practice_id = ? and received_at >= ? group by status""").params(practice.value(), utc(since)).query(rs -> {
            counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    /** The reason of the latest event since {@code since} that failed or waits after a failed try. */
    Optional<String> lastFailure(PracticeId practice, Instant since) {
        return jdbc.sql("""
                        select reason from xero_webhook_events
                        where practice_id = ? and received_at >= ? and reason is not null
                            and (status = ? or (status = ? and attempts > 0))
                        order by received_at desc fetch first 1 rows only""")
                .params(practice.value(), utc(since), Status.FAILED.name(), Status.RECEIVED.name())
                .query(String.class)
                .optional();
    }

    Optional<Instant> lastReceived(PracticeId practice) {
        // max() answers one row, null when there is nothing.
        return jdbc
                .sql("select max(received_at) from xero_webhook_events where practice_id = ?")
                .param(practice.value())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .findFirst()
                .map(OffsetDateTime::toInstant);
    }

    private static void forChunks(Collection<UUID> ids, java.util.function.Consumer<List<UUID>> action) {
        var list = List.copyOf(ids);
        for (var from = 0; from < list.size(); from += IDS_PER_STATEMENT) {
            action.accept(list.subList(from, Math.min(list.size(), from + IDS_PER_STATEMENT)));
        }
    }

    private static @Nullable String truncate(@Nullable String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
