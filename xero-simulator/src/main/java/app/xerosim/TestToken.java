package app.xerosim;

import app.xerosim.state.SimState;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * <b>Simulator only.</b> An access token for a dedicated test app connected to one organisation, obtained
 * without a browser for benchmarks and scripts ({@code --print-test-token}): the app is registered, the
 * consent is given through {@link XeroSimulator#approve} and the code is exchanged at the real token
 * endpoint, so the token and the connection are exactly what Kontor would get. Real Xero has no such thing.
 */
record TestToken(String clientId, String accessToken, long expiresInSeconds) {

    static final String CLIENT_ID = "xerosim-test-token";
    static final String REDIRECT_URI = "http://127.0.0.1/xerosim-test-token";
    static final String SCOPES = "openid profile email accounting.contacts accounting.settings.read";

    static TestToken issue(XeroSimulator simulator, SimOrganisation organisation) {
        String secret = SimState.randomToken(24);
        simulator.registerApp(CLIENT_ID, secret, List.of(REDIRECT_URI), "Xero simulator test token");
        URI redirect = simulator.approve(
                URI.create(simulator.baseUrl() + "/identity/connect/authorize?response_type=code&client_id="
                        + enc(CLIENT_ID) + "&redirect_uri=" + enc(REDIRECT_URI) + "&scope=" + enc(SCOPES)
                        + "&state=test-token"),
                organisation.tenantId());
        String code = codeFrom(redirect);
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT_URI);
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/connect/token"))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JsonMapper.builder().build().readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IllegalStateException(
                        "The token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return new TestToken(
                    CLIENT_ID,
                    body.get("access_token").asString(),
                    body.path("expires_in").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach the simulator's token endpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a test token", e);
        }
    }

    private static String codeFrom(URI redirect) {
        String query = redirect.getRawQuery() == null ? "" : redirect.getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring("code=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("Consent did not return a code: " + redirect);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
