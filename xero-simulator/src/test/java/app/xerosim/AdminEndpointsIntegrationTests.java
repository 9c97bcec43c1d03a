package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminEndpointsIntegrationTests {

    private final XeroClient client = XeroClient.startWithApp();
    private final TenantSession xero = TenantSession.connect(client, "Admin Ltd");

    @AfterEach
    void stop() {
        client.xero.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return client.send(HttpRequest.newBuilder(URI.create(client.xero.baseUrl() + "/_xerosim" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void faultsCanBeInjectedListedAndClearedOverHttp() {
        HttpResponse<String> added = admin(
                "POST",
                "/faults",
                "{\"times\":2,\"method\":\"GET\",\"path\":\"/api.xro/2.0/Contacts\",\"fault\":\"status\",\"status\":503}");

        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(XeroClient.json(admin("GET", "/faults", ""))
                        .get(0)
                        .get("remaining")
                        .intValue())
                .isEqualTo(2);
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(503);
        assertThat(admin("DELETE", "/faults", "").statusCode()).isEqualTo(204);
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/faults", "{\"path\":\"/x\",\"fault\":\"explode\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void requestLogAndClockAreReachable() {
        xero.send(
                "PUT",
                "/Contacts",
                "{\"Contacts\":[{\"Name\":\"Logged\"}]}",
                java.util.Map.of("Idempotency-Key", "abc"));
        Instant before = client.xero.clock().instant();

        JsonNode log = XeroClient.json(admin("GET", "/requests", ""));
        HttpResponse<String> advanced = admin("POST", "/clock/advance?seconds=3600", "");

        assertThat(log.toString()).contains("\"idempotency-key\":[\"abc\"]").contains("[redacted]");
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(client.xero.clock().instant()).isAfter(before.plus(Duration.ofMinutes(59)));
    }
}
