package app.kontor.demo;

import app.xerosim.XeroSimulator;
import app.xerosim.XeroSimulatorSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode's Xero (DESIGN §3.1): starts the simulator in-process before the Spring context
 * refreshes, with its state in {@code ./data/xero-simulator.json} so restarts keep tokens and
 * contacts, and points Kontor's Xero settings at it, with a webhook signing key generated for this
 * run. {@link DemoXeroApp} registers Kontor's redirect URIs and its webhook URL (with that key) once
 * Kontor's own port is known. Production mode never gets here; an explicitly configured
 * Xero (a client id) wins over the simulator.
 */
public final class DemoXeroSimulator implements EnvironmentPostProcessor, Ordered {

    static final String CLIENT_ID = "kontor-demo";

    private static @Nullable XeroSimulator running;
    private static @Nullable String clientSecret;
    private static @Nullable String webhookKey;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"demo".equalsIgnoreCase(environment.getProperty("kontor.mode", "demo"))
                || !environment.getProperty("kontor.demo.simulator", Boolean.class, true)
                || !environment.getProperty("kontor.xero.client-id", "").isBlank()) {
            return;
        }
        var simulator = start(Path.of(environment.getProperty("kontor.data-dir", "./data")));
        var properties = kontorSettingsFor(simulator.baseUrl(), CLIENT_ID, clientSecret, webhookKey);
        environment.getPropertySources().addFirst(new MapPropertySource("demoXeroSimulator", properties));
    }

    /** Kontor's {@code kontor.xero.*} settings for a simulator at {@code baseUrl} (its paths mirror Xero's). */
    public static Map<String, Object> kontorSettingsFor(String baseUrl, String clientId, String clientSecret) {
        var properties = new HashMap<String, Object>();
        properties.put("kontor.xero.client-id", clientId);
        properties.put("kontor.xero.client-secret", clientSecret);
        properties.put("kontor.xero.authorization-uri", baseUrl + "/identity/connect/authorize");
        properties.put("kontor.xero.token-uri", baseUrl + "/connect/token");
        properties.put("kontor.xero.jwks-uri", baseUrl + "/.well-known/openid-configuration/jwks");
        properties.put("kontor.xero.revocation-uri", baseUrl + "/connect/revocation");
        properties.put("kontor.xero.connections-uri", baseUrl + "/connections");
        properties.put("kontor.xero.api-uri", baseUrl + "/api.xro/2.0");
        properties.put("kontor.xero.web-uri", baseUrl);
        properties.put("kontor.xero.issuer", baseUrl);
        return properties;
    }

    /** As {@link #kontorSettingsFor(String, String, String)}, plus the key the simulator signs webhooks with. */
    public static Map<String, Object> kontorSettingsFor(
            String baseUrl, String clientId, String clientSecret, String webhookKey) {
        var properties = kontorSettingsFor(baseUrl, clientId, clientSecret);
        properties.put("kontor.xero.webhook-key", webhookKey);
        return properties;
    }

    /** After config data is loaded, so {@code kontor.*} settings from files and profiles are seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static synchronized XeroSimulator start(Path dataDirectory) {
        if (running == null) {
            running = XeroSimulator.start(XeroSimulatorSettings.defaults()
                    .withPort(0)
                    .withDataFile(dataDirectory.resolve("xero-simulator.json")));
            running.organisations().createDemoOrganisation();
            clientSecret = randomHex();
            webhookKey = randomHex();
        }
        return running;
    }

    private static String randomHex() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static @Nullable XeroSimulator running() {
        return running;
    }

    static @Nullable String clientSecret() {
        return clientSecret;
    }

    static @Nullable String webhookKey() {
        return webhookKey;
    }

    static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
