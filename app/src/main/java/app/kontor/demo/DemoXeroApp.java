package app.kontor.demo;

import app.kontor.xero.XeroSettings;
import app.kontor.xerosync.XeroWebhooks;
import java.util.LinkedHashSet;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers Kontor with the demo simulator once Kontor's port is known: the redirect URI in both
 * the {@code localhost} and {@code 127.0.0.1} forms (and under {@code KONTOR_BASE_URL} when set), and
 * the webhook URL with the key Kontor verifies signatures with; the simulator then runs intent to
 * receive against Kontor in the background.
 */
@Component
class DemoXeroApp {

    private final XeroSettings settings;

    DemoXeroApp(XeroSettings settings) {
        this.settings = settings;
    }

    @EventListener
    void onWebServerReady(WebServerInitializedEvent event) {
        var simulator = DemoXeroSimulator.running();
        if (simulator == null) {
            return;
        }
        var port = event.getWebServer().getPort();
        var redirectUris = new LinkedHashSet<String>();
        redirectUris.add("http://localhost:" + port + XeroSettings.CALLBACK_PATH);
        redirectUris.add("http://127.0.0.1:" + port + XeroSettings.CALLBACK_PATH);
        if (!settings.redirectUri().startsWith("{baseUrl}")) {
            redirectUris.add(settings.redirectUri());
        }
        simulator.registerApp(
                DemoXeroSimulator.CLIENT_ID, DemoXeroSimulator.clientSecret(), redirectUris, "Kontor (demo)");
        // The simulator runs in this process, so localhost reaches Kontor whatever KONTOR_BASE_URL says.
        if (settings.hasWebhookKey()) {
            simulator.configureWebhook("http://localhost:" + port + XeroWebhooks.PATH, settings.webhookKey());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        DemoXeroSimulator.stop();
    }
}
