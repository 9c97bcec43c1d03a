package app.kontor.xerosync.webhook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of one webhook POST (Xero's {@code WebhookEvent} schema). Everything is optional here:
 * the receiver records what it cannot use instead of refusing the batch. Intent to receive sends
 * an empty {@code events} list with sequence numbers 0.
 */
record WebhookBatch(
        @Nullable List<Event> events,
        @Nullable Long firstEventSequence,
        @Nullable Long lastEventSequence,
        @Nullable String entropy) {

    List<Event> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }

    /** One event: ids only, never the resource's data. {@code eventDateUtc} is ISO without an offset. */
    record Event(
            @Nullable String resourceUrl,
            @Nullable String resourceId,
            @Nullable String eventDateUtc,
            @Nullable String eventType,
            @Nullable String eventCategory,
            @Nullable String tenantId,
            @Nullable String tenantType) {}
}
