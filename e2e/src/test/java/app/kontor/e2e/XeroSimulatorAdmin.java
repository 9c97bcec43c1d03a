package app.kontor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo simulator's control API ({@code /_xerosim}, not part of Xero) on the simulator's base URL,
 * which a browser test learns from a page the simulator served (its consent page, or the origin of a
 * {@code View in Xero} link).
 */
final class XeroSimulatorAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private XeroSimulatorAdmin(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The simulator serving {@code anyUrl} (only its scheme, host and port are used). */
    static XeroSimulatorAdmin at(String anyUrl) {
        var url = URI.create(anyUrl);
        return new XeroSimulatorAdmin(URI.create(url.getScheme() + "://" + url.getAuthority()));
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Makes the simulator take {@code millis} longer to answer the next matching request. */
    void delayNext(String method, String path, long millis) {
        var body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("times", 1)
                .put("method", method)
                .put("path", path)
                .put("fault", "latency")
                .put("millis", millis));
        var response = send(HttpRequest.newBuilder(baseUrl.resolve("/_xerosim/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 204) {
            throw new IllegalStateException(
                    "POST /_xerosim/faults answered " + response.statusCode() + " " + response.body());
        }
    }

    /** The requests the simulator has answered, oldest first. */
    List<Request> requests() {
        var response = send(HttpRequest.newBuilder(baseUrl.resolve("/_xerosim/requests")));
        var requests = new ArrayList<Request>();
        for (JsonNode entry : JSON.readTree(response.body())) {
            var idempotencyKey = entry.path("headers").path("idempotency-key");
            requests.add(new Request(
                    entry.path("method").asString(),
                    entry.path("path").asString(),
                    entry.path("body").asString(""),
                    idempotencyKey.isArray() && !idempotencyKey.isEmpty()
                            ? idempotencyKey.get(0).asString()
                            : null,
                    entry.path("status").asInt()));
        }
        return requests;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One logged request; {@code idempotencyKey} is {@code null} when none was sent. */
    record Request(String method, String path, String body, String idempotencyKey, int status) {}
}
