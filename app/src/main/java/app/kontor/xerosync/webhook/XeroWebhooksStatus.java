package app.kontor.xerosync.webhook;

import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroSettings;
import app.kontor.xerosync.XeroWebhooks;
import app.kontor.xerosync.webhook.WebhookEventRows.Status;
import java.time.Clock;
import org.springframework.stereotype.Service;

@Service
class XeroWebhooksStatus implements XeroWebhooks {

    private final WebhookEventRows rows;
    private final XeroSettings settings;
    private final Clock clock;

    XeroWebhooksStatus(WebhookEventRows rows, XeroSettings settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String webhookUrl(String requestBaseUrl) {
        var configured = settings.publicBaseUrl();
        var base = configured == null || configured.isBlank() ? requestBaseUrl : configured;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH;
    }

    @Override
    public WebhookStatus webhookStatus(PracticeId practice) {
        var since = clock.instant().minus(STATUS_WINDOW);
        var counts = rows.countsSince(practice, since);
        var total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new WebhookStatus(
                settings.hasWebhookKey(),
                rows.lastReceived(practice).orElse(null),
                STATUS_WINDOW,
                total,
                counts.get(Status.PROCESSED),
                counts.get(Status.RECEIVED),
                counts.get(Status.IGNORED),
                counts.get(Status.FAILED),
                rows.lastFailure(practice, since).orElse(null));
    }
}
