package app.xerosim;

import static app.xerosim.TenantSession.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIntegrationTests {

    private XeroClient client;
    private TenantSession xero;

    @BeforeAll
    void start() {
        client = XeroClient.startWithApp();
    }

    @AfterAll
    void stop() {
        client.xero.close();
    }

    @BeforeEach
    void connect() {
        client.xero.clock().reset();
        client.xero.faults().clear();
        xero = TenantSession.connect(client, "Org " + UUID.randomUUID());
    }

    private HttpResponse<String> put(String body, String key) {
        return xero.send("PUT", "/Contacts?summarizeErrors=false", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResponseWithoutASecondContact() {
        String body = "{\"Contacts\":[" + named("Once Only Ltd") + "]}";

        HttpResponse<String> first = put(body, "key-1");
        HttpResponse<String> second = put(body, "key-1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(xero.org().contacts().count()).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedWith409() {
        put("{\"Contacts\":[" + named("First Body") + "]}", "key-2");

        HttpResponse<String> second = put("{\"Contacts\":[" + named("Second Body") + "]}", "key-2");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(XeroClient.json(second).get("Detail").stringValue()).contains("key-2");
        assertThat(xero.org().contacts().findActiveByName("Second Body")).isEmpty();
    }

    @Test
    void keysLongerThan128CharactersOrEmptyAreRefused() {
        String body = "{\"Contacts\":[" + named("Long Key") + "]}";

        assertThat(put(body, "k".repeat(129)).statusCode()).isEqualTo(400);
        assertThat(put(body, "").statusCode()).isEqualTo(400);
        assertThat(xero.org().contacts().count()).isZero();
        assertThat(put(body, "k".repeat(128)).statusCode()).isEqualTo(200);
    }

    @Test
    void keysAreScopedPerOrganisation() {
        TenantSession other = TenantSession.connect(client, "Other " + UUID.randomUUID());
        String body = "{\"Contacts\":[" + named("Scoped Ltd") + "]}";

        put(body, "shared-key");
        HttpResponse<String> inOther =
                other.send("PUT", "/Contacts?summarizeErrors=false", body, Map.of("Idempotency-Key", "shared-key"));

        assertThat(inOther.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(other.org().contacts().findActiveByName("Scoped Ltd")).isPresent();
    }

    @Test
    void afterTheRetentionTheKeyIsForgotten() {
        String body = "{\"Contacts\":[" + named("Retained Ltd") + "]}";
        put(body, "key-3");
        client.xero.clock().advance(Duration.ofHours(24).plusSeconds(1));
        // A day later the access token has long expired: connect again for a fresh one.
        xero = new TenantSession(
                client, xero.org(), client.connect(xero.tenantId()).accessToken());

        HttpResponse<String> again = put(body, "key-3");

        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(XeroClient.json(again)
                        .get("Contacts")
                        .get(0)
                        .get("HasValidationErrors")
                        .booleanValue())
                .isTrue();
    }

    @Test
    void retryAfterACommittedButDroppedResponseReplaysTheCreate() {
        String body = "{\"Contacts\":[" + named("Dropped Response Ltd") + "]}";
        client.xero.faults().next(1, "PUT", "/api.xro/2.0/Contacts", Fault.commitThenDropResponse());

        assertThatThrownBy(() -> put(body, "key-4")).isInstanceOf(java.io.UncheckedIOException.class);
        HttpResponse<String> retry = put(body, "key-4");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(xero.org().contacts().count()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyTakeEffectOnce() throws Exception {
        String body = "{\"Contacts\":[" + named("Raced Ltd") + "]}";
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> put(body, "raced-key")));
            }
            for (var answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        }

        assertThat(xero.org().contacts().count()).isEqualTo(1);
    }

    @Test
    void postByIdHonoursTheKeyToo() {
        String id = xero.create(named("Update Once")).get("ContactID").stringValue();
        String body = "{\"Contacts\":[{\"EmailAddress\":\"once@example.com\"}]}";
        Map<String, String> key = Map.of("Idempotency-Key", "key-5");

        HttpResponse<String> first = xero.send("POST", "/Contacts/" + id, body, key);
        client.xero.clock().advance(Duration.ofSeconds(10));
        HttpResponse<String> second = xero.send("POST", "/Contacts/" + id, body, key);

        assertThat(second.body()).isEqualTo(first.body());
    }
}
