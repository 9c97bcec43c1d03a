package app.kontor.xerosync.webhook;

import app.kontor.shared.PracticeId;
import app.kontor.xerosync.webhook.WebhookEventRows.NewEvent;
import app.kontor.xerosync.webhook.WebhookEventRows.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores every event of a verified batch once, deciding on arrival whether it matters: contact
 * events of an organisation a practice is connected to wait for processing; anything else is kept as
 * ignored, with the reason, and affects nothing.
 */
@Component
class WebhookInbox {

    static final String CONTACT = "CONTACT";

    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);

    private final WebhookEventRows rows;

    WebhookInbox(WebhookEventRows rows) {
        this.rows = rows;
    }

    /** What one batch added. */
    record Stored(int added, int duplicates, int ignored, Set<UUID> tenantsToProcess) {}

    /**
     * Stores the batch's events in one transaction (all or none, so a failed store is retried by
     * Xero whole), dropping those stored before.
     */
    @Transactional
    public Stored store(List<WebhookBatch.Event> events, Instant receivedAt) {
        var practices = new HashMap<UUID, Optional<PracticeId>>();
        var tenants = new LinkedHashSet<UUID>();
        int added = 0;
        int duplicates = 0;
        int ignored = 0;
        for (var event : events) {
            var row = classify(event, practices);
            if (rows.insertIfAbsent(row, receivedAt)) {
                added++;
                if (row.status() == Status.RECEIVED) {
                    tenants.add(row.tenantId());
                } else {
                    ignored++;
                    log.info("Ignored a Xero webhook event for tenant {}: {}", row.tenantId(), row.reason());
                }
            } else {
                duplicates++;
            }
        }
        return new Stored(added, duplicates, ignored, tenants);
    }

    private NewEvent classify(WebhookBatch.Event event, HashMap<UUID, Optional<PracticeId>> practices) {
        var key = dedupeKey(event);
        var tenant = uuid(event.tenantId());
        if (tenant == null) {
            return new NewEvent(key, null, null, event, Status.IGNORED, "malformed event: no valid tenantId");
        }
        var category = upper(event.eventCategory());
        if (!CONTACT.equals(category)) {
            return new NewEvent(
                    key,
                    tenant,
                    null,
                    event,
                    Status.IGNORED,
                    "not a contact event (eventCategory " + (category.isEmpty() ? "missing" : category) + ")");
        }
        if (uuid(event.resourceId()) == null) {
            return new NewEvent(
                    key, tenant, null, event, Status.IGNORED, "malformed event: resourceId is no ContactID");
        }
        var practice = practices.computeIfAbsent(tenant, rows::practiceConnectedTo);
        if (practice.isEmpty()) {
            return new NewEvent(
                    key, tenant, null, event, Status.IGNORED, "no practice is connected to organisation " + tenant);
        }
        return new NewEvent(key, tenant, practice.get(), event, Status.RECEIVED, null);
    }

    /**
     * SHA-256 (hex) of tenant, resource, event time, category and type, normalised: Xero gives no
     * ordering or duplicate guarantees (XERO-CONTRACT §5), and its events carry no id of their own.
     */
    static String dedupeKey(WebhookBatch.Event event) {
        var text = String.join(
                "|",
                lower(event.tenantId()),
                lower(event.resourceId()),
                trim(event.eventDateUtc()),
                upper(event.eventCategory()),
                upper(event.eventType()));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static @Nullable UUID uuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    private static String lower(@Nullable String text) {
        return trim(text).toLowerCase(Locale.ROOT);
    }

    private static String upper(@Nullable String text) {
        return trim(text).toUpperCase(Locale.ROOT);
    }
}
