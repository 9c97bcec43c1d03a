package app.kontor.xerosync;

import app.kontor.shared.PracticeId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What admins see of Xero's webhooks on the settings page: where Xero must send them, and how they fare. */
public interface XeroWebhooks {

    /** The path Kontor receives Xero's webhooks at. */
    String PATH = "/webhooks/xero";

    /** How far back {@link #webhookStatus} counts. */
    Duration STATUS_WINDOW = Duration.ofHours(24);

    /**
     * The URL to enter in the Xero app's webhook settings: {@code KONTOR_BASE_URL} + {@link #PATH}, or
     * the given request base (e.g. {@code http://localhost:8080}) when no base URL is set. Xero
     * delivers only to HTTPS on port 443.
     */
    String webhookUrl(String requestBaseUrl);

    /** Counts of the practice's webhook events received within {@link #STATUS_WINDOW}, and the last one ever. */
    WebhookStatus webhookStatus(PracticeId practice);

    /**
     * @param keyConfigured whether Kontor has a webhook signing key; without one every webhook is refused
     * @param lastReceivedAt when the last event for the practice arrived, if ever
     * @param received events for the practice within the window (every status)
     * @param processed of those, handed to the sync
     * @param pending of those, waiting to be handed over
     * @param ignored of those, not relevant (e.g. not a contact event)
     * @param failed of those, given up after repeated failures
     * @param lastFailure why the latest of those that failed, or wait after a failed try, did
     */
    record WebhookStatus(
            boolean keyConfigured,
            @Nullable Instant lastReceivedAt,
            Duration window,
            long received,
            long processed,
            long pending,
            long ignored,
            long failed,
            @Nullable String lastFailure) {}
}
