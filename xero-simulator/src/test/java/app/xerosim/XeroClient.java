package app.xerosim;

import app.xerosim.contract.ExchangeRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: the OAuth dance through the consent page, and Xero API calls. */
final class XeroClient {

    static final String CLIENT_ID = "kontor-test";
    static final String CLIENT_SECRET = "s3cret-for-tests";
    static final String REDIRECT_URI = "http://localhost:9999/callback";
    static final String SCOPES = "openid profile email offline_access accounting.contacts accounting.settings.read";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String OFF_SPEC_HEADER = "X-Test-Off-Spec";

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    final XeroSimulator xero;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    XeroClient(XeroSimulator xero) {
        this.xero = xero;
    }

    static XeroClient startWithApp() {
        XeroSimulator xero = XeroSimulator.start();
        xero.registerApp(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI), "Kontor Tests");
        return new XeroClient(xero);
    }

    /** The token endpoint's answer. */
    record TokenSet(int status, JsonNode body) {
        String accessToken() {
            return body.get("access_token").stringValue();
        }

        String refreshToken() {
            return body.get("refresh_token").stringValue();
        }

        String idToken() {
            return body.get("id_token").stringValue();
        }
    }

    String authorizeUrl(String state, @Nullable String nonce, @Nullable String challenge) {
        return authorizeUrl(state, nonce, challenge, SCOPES);
    }

    String authorizeUrl(String state, @Nullable String nonce, @Nullable String challenge, String scopes) {
        StringBuilder url = new StringBuilder(xero.baseUrl() + "/identity/connect/authorize?response_type=code");
        url.append("&client_id=").append(enc(CLIENT_ID));
        url.append("&redirect_uri=").append(enc(REDIRECT_URI));
        url.append("&scope=").append(enc(scopes));
        url.append("&state=").append(enc(state));
        if (nonce != null) {
            url.append("&nonce=").append(enc(nonce));
        }
        if (challenge != null) {
            url.append("&code_challenge=").append(enc(challenge)).append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    /** Opens the consent page, ticks the given organisations and presses Allow; returns the redirect. */
    URI consent(String authorizeUrl, String decision, UUID... tenants) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Consent page answered " + page.statusCode() + ": " + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
        }
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(enc(k)).append('=').append(enc(v)).append('&'));
        for (UUID tenant : tenants) {
            form.append("tenant=").append(tenant).append('&');
        }
        form.append("decision=").append(decision);
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/identity/connect/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("Consent answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    String code(UUID... tenants) {
        return query(consent(authorizeUrl("st", "n0nce", null), "allow", tenants))
                .get("code");
    }

    TokenSet exchange(String code) {
        return token("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT_URI));
    }

    TokenSet connect(UUID... tenants) {
        return exchange(code(tenants));
    }

    TokenSet refresh(String refreshToken) {
        return token("grant_type=refresh_token&refresh_token=" + enc(refreshToken));
    }

    TokenSet token(String form) {
        return token(form, CLIENT_ID, CLIENT_SECRET);
    }

    TokenSet token(String form, String clientId, String secret) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/connect/token"))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return new TokenSet(response.statusCode(), JSON.readTree(response.body()));
    }

    /** A token request from a public (PKCE) client: client_id in the body, no secret. */
    TokenSet publicToken(String form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&client_id=" + enc(CLIENT_ID))));
        return new TokenSet(response.statusCode(), JSON.readTree(response.body()));
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> api(
            String method, String path, String accessToken, @Nullable UUID tenant, @Nullable String body) {
        return api(method, path, accessToken, tenant, body, Map.of());
    }

    HttpResponse<String> api(
            String method,
            String path,
            String accessToken,
            @Nullable UUID tenant,
            @Nullable String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(xero.baseUrl() + path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            request.header("xero-tenant-id", tenant.toString());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return send(request, body);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, null);
    }

    /** Sends, and records the exchange for the contract check (see ExchangeRecorder). */
    HttpResponse<String> send(HttpRequest.Builder request, @Nullable String body) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            // A test that sends Xero a request its OpenAPI file forbids on purpose says so with this header.
            boolean offSpec = built.headers().firstValue(OFF_SPEC_HEADER).isPresent();
            ExchangeRecorder.record(
                    "http",
                    built.method(),
                    built.uri().getPath(),
                    built.uri().getRawQuery(),
                    built.headers().map().keySet(),
                    response.statusCode(),
                    offSpec ? null : body,
                    response.body());
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + pathAndQuery))
                .GET());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
