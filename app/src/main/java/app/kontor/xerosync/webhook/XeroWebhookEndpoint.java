package app.kontor.xerosync.webhook;

import app.kontor.xero.XeroSettings;
import app.kontor.xerosync.XeroWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives Xero's webhooks (XERO-CONTRACT §5): verifies {@code x-xero-signature} over the raw body
 * before anything else, stores the batch's events and answers at once; Xero is never called here.
 * Every answer has an empty body: 200 for a correctly signed batch (intent to receive included), 401
 * for a missing or wrong signature (nothing stored), 413 for a body over {@link #MAX_BODY_BYTES}.
 * The chain in {@link WebhookSecurityConfiguration} keeps sessions and cookies out of it.
 */
@RestController
class XeroWebhookEndpoint {

    /** Xero's batches are a few kilobytes; a megabyte is generous and bounds what a stranger can send. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(XeroWebhookEndpoint.class);

    private static final Duration REFUSALS_LOGGED_EVERY = Duration.ofMinutes(1);

    /** Xero's payload as it is: unknown fields ignored, nothing required. */
    private final JsonMapper json = JsonMapper.builder().build();

    private final XeroSettings settings;
    private final WebhookInbox inbox;
    private final WebhookProcessing processing;
    private final Clock clock;
    private final AtomicBoolean warnedNoKey = new AtomicBoolean();
    private final AtomicLong refusedSinceLogged = new AtomicLong();
    private final AtomicReference<@Nullable Instant> refusedLoggedAt = new AtomicReference<>();

    XeroWebhookEndpoint(XeroSettings settings, WebhookInbox inbox, WebhookProcessing processing, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.processing = processing;
        this.clock = clock;
    }

    @PostMapping(XeroWebhooks.PATH)
    ResponseEntity<Void> receive(
            HttpServletRequest request,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature)
            throws IOException {
        var body = request.getContentLengthLong() > MAX_BODY_BYTES
                ? null
                : readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            refused(request, "its body is over " + MAX_BODY_BYTES + " bytes, far more than Xero sends (413)");
            return answer(HttpStatus.CONTENT_TOO_LARGE);
        }
        var key = settings.webhookKey();
        if (key == null || key.isBlank()) {
            if (warnedNoKey.compareAndSet(false, true)) {
                log.warn("Refusing Xero webhooks: no webhook key is set (KONTOR_XERO_WEBHOOK_KEY)");
            }
            return answer(HttpStatus.UNAUTHORIZED);
        }
        if (!WebhookSignature.matches(key, body, signature)) {
            // Intent to receive sends wrongly signed batches on purpose, so this is no warning; strangers may too.
            refused(request, "its x-xero-signature is " + (signature == null ? "missing" : "wrong") + " (401)");
            return answer(HttpStatus.UNAUTHORIZED);
        }
        WebhookBatch batch;
        try {
            batch = json.readValue(body, WebhookBatch.class);
        } catch (JacksonException e) {
            log.warn("Refused a correctly signed webhook that is not Xero's JSON: {}", e.getOriginalMessage());
            return answer(HttpStatus.BAD_REQUEST);
        }
        var events = batch == null ? List.<WebhookBatch.Event>of() : batch.eventsOrEmpty();
        if (events.isEmpty()) {
            log.debug("Answered a correctly signed batch without events (intent to receive)");
            return answer(HttpStatus.OK);
        }
        var stored = inbox.store(events, clock.instant());
        stored.tenantsToProcess().forEach(processing::schedule);
        log.debug(
                "Xero webhook: {} events, {} new, {} duplicates, {} ignored",
                events.size(),
                stored.added(),
                stored.duplicates(),
                stored.ignored());
        return answer(HttpStatus.OK);
    }

    /**
     * Logs a refused webhook: the first at once, then at most one line a minute with how many there
     * were, so that strangers sending junk cannot flood the log.
     */
    private void refused(HttpServletRequest request, String why) {
        var count = refusedSinceLogged.incrementAndGet();
        var now = clock.instant();
        var last = refusedLoggedAt.get();
        if ((last == null || !now.isBefore(last.plus(REFUSALS_LOGGED_EVERY)))
                && refusedLoggedAt.compareAndSet(last, now)) {
            refusedSinceLogged.addAndGet(-count);
            log.info(
                    "Refused {} webhook(s) since the last such line; the latest, from {}, because {}",
                    count,
                    request.getRemoteAddr(),
                    why);
        }
    }

    private static ResponseEntity<Void> answer(HttpStatus status) {
        return ResponseEntity.status(status).build();
    }

    /** The whole stream, or null when it is longer than {@code limit}. */
    private static byte @Nullable [] readAtMost(InputStream in, int limit) throws IOException {
        var bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
