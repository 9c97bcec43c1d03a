package app.kontor.xerosync.web;

import app.kontor.practice.SignedInUser;
import app.kontor.system.PageChrome;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroSettingsSection;
import app.kontor.xerosync.XeroSyncs;
import app.kontor.xerosync.XeroWebhooks;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The sync log, `Sync now`, and where Xero's webhooks go, on the Xero settings page. */
@Component
class SyncSection implements XeroSettingsSection {

    static final int RUNS_SHOWN = 20;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TemplateEngine templates;
    private final XeroSyncs syncs;
    private final XeroWebhooks webhooks;

    SyncSection(TemplateEngine templates, XeroSyncs syncs, XeroWebhooks webhooks) {
        this.templates = templates;
        this.syncs = syncs;
        this.webhooks = webhooks;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Content render(@Nullable XeroConnection connection, SignedInUser viewer, PageChrome page, String baseUrl) {
        var model = new HashMap<String, Object>();
        model.put("runs", syncs.log(viewer.practiceId(), RUNS_SHOWN));
        model.put("admin", viewer.isAdmin());
        model.put("connected", connection != null && connection.isConnected());
        model.put("webhookUrl", webhooks.webhookUrl(baseUrl));
        model.put("webhookStatus", describe(webhooks.webhookStatus(viewer.practiceId())));
        model.put("chrome", page);
        return output -> templates.render("xerosync/sync.jte", model, output);
    }

    private static String describe(XeroWebhooks.WebhookStatus status) {
        if (!status.keyConfigured()) {
            return "Not set up: set KONTOR_XERO_WEBHOOK_KEY to the webhook key of your Xero app (see the README)."
                    + " Until then changes arrive with the next sync.";
        }
        if (status.lastReceivedAt() == null) {
            return "None received yet. Changes arrive with the next sync until Xero sends them.";
        }
        return "Last received " + WHEN.format(status.lastReceivedAt()) + "; in the last "
                + status.window().toHours() + " hours " + status.received() + " received, " + status.processed()
                + " applied, " + status.pending() + " waiting, " + status.ignored() + " not for Kontor, "
                + status.failed() + " failed."
                + (status.lastFailure() == null ? "" : " Last failure: " + status.lastFailure());
    }
}
