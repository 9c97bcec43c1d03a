package app.kontor.xero;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Kontor finds Xero, and as which app. Every URL is explicit (Kontor never uses OIDC
 * discovery) and defaults to Xero's real one; demo mode and tests point them at the simulator.
 *
 * @param publicBaseUrl the address users reach Kontor at ({@code KONTOR_BASE_URL}); when empty the
 *     redirect URI is derived from each request, which suits demo mode on localhost
 * @param webhookKey the signing key of the Xero app's webhooks ({@code KONTOR_XERO_WEBHOOK_KEY}); without
 *     it every webhook is refused
 */
@ConfigurationProperties("kontor.xero")
public record XeroSettings(
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String webhookKey,
        URI authorizationUri,
        URI tokenUri,
        URI jwksUri,
        URI revocationUri,
        URI connectionsUri,
        URI apiUri,
        URI webUri,
        String issuer,
        @Nullable String publicBaseUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final String CALLBACK_PATH = "/settings/integrations/xero/callback";

    public XeroSettings {
        authorizationUri = orDefault(authorizationUri, "https://login.xero.com/identity/connect/authorize");
        tokenUri = orDefault(tokenUri, "https://identity.xero.com/connect/token");
        jwksUri = orDefault(jwksUri, "https://identity.xero.com/.well-known/openid-configuration/jwks");
        revocationUri = orDefault(revocationUri, "https://identity.xero.com/connect/revocation");
        connectionsUri = orDefault(connectionsUri, "https://api.xero.com/connections");
        apiUri = orDefault(apiUri, "https://api.xero.com/api.xro/2.0");
        webUri = orDefault(webUri, "https://go.xero.com");
        issuer = issuer == null || issuer.isBlank() ? "https://identity.xero.com" : issuer;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }

    public boolean isConfigured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    public boolean hasWebhookKey() {
        return webhookKey != null && !webhookKey.isBlank();
    }

    /** The redirect URI to register with Xero; {@code {baseUrl}} is filled from the request when no base is set. */
    public String redirectUri() {
        var base = publicBaseUrl == null || publicBaseUrl.isBlank() ? "{baseUrl}" : stripSlash(publicBaseUrl);
        return base + CALLBACK_PATH;
    }

    private static URI orDefault(@Nullable URI value, String fallback) {
        return value == null ? URI.create(fallback) : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
