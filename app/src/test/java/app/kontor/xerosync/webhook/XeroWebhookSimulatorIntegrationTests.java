package app.kontor.xerosync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.xerosync.XeroWebhooks;
import app.xerosim.ContactChanges;
import app.xerosim.WebhookDelivery;
import app.xerosim.WebhookOptions;
import app.xerosim.WebhookStatus;
import app.xerosim.XeroSimulator;
import app.xerosim.XeroSimulatorSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The simulator's own webhook sender against Kontor's receiver: intent to receive, then real signed
 * batches, duplicated and reversed. The shared test context has no HTTP port (MockMvc), so a small
 * JDK HTTP server hands each POST, byte for byte, to MockMvc and its answer (status, headers, body)
 * back. The simulator is this test's own, so the shared one's webhook stays unconfigured; its
 * organisations are connected to no practice, so their events are stored as ignored.
 */
@KontorIntegrationTest
class XeroWebhookSimulatorIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookProcessing processing;

    @Autowired
    app.kontor.xerosync.XeroContactChanges changes;

    private XeroSimulator simulator;
    private HttpServer bridge;
    /** What went wrong handing a POST to MockMvc, for the failure message. */
    private final List<String> bridgeFailures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        simulator = XeroSimulator.start(XeroSimulatorSettings.defaults()
                .withPort(0)
                .withWebhookBatchDelay(Duration.ofMillis(100))
                .withWebhookFirstRetryDelay(Duration.ofMillis(100))
                .withWebhookMaxAttempts(2));
        bridge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Platform threads: a virtual thread here can starve when the carriers are pinned elsewhere (2 cores).
        bridge.setExecutor(Executors.newCachedThreadPool());
        bridge.createContext(XeroWebhooks.PATH, this::toMockMvc);
        bridge.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        bridge.stop(0);
    }

    @Test
    void passesIntentToReceiveAndStoresEachRealEventOnceDespiteDuplicatedReversedBatches() {
        simulator.configureWebhook(webhookUrl(), TestXero.WEBHOOK_KEY);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> simulator.webhookStatus() != WebhookStatus.INTENT_TO_RECEIVE);
        assertThat(simulator.webhookStatus()).isEqualTo(WebhookStatus.ACTIVE);
        assertThat(simulator.webhookDeliveries()).hasSize(4).allSatisfy(delivery -> {
            assertThat(delivery.intentToReceive()).isTrue();
            assertThat(delivery.acceptable()).isTrue();
            assertThat(delivery.status()).isEqualTo(delivery.correctlySigned() ? 200 : 401);
        });

        simulator.webhookOptions(
                WebhookOptions.none().withDuplicateBatches(true).withReverseEvents(true));
        var organisation = simulator
                .organisations()
                .create("Webhook Sim " + UUID.randomUUID().toString().substring(0, 6));
        var first = organisation.contacts().create(ContactChanges.named("First " + organisation.shortCode()));
        var second = organisation.contacts().create(ContactChanges.named("Second " + organisation.shortCode()));
        organisation
                .contacts()
                .update(first.contactId(), ContactChanges.named("First Renamed " + organisation.shortCode()));

        // Settled: all three events stored, and the simulator has recorded Kontor's answers. Their
        // hand-over is this test's to trigger (the shared context's job threads may be busy with other
        // tests' work; the job itself is covered by XeroWebhookIntegrationTests).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var deliveries = simulator.webhookDeliveries();
            var seen = "the simulator's webhook status " + simulator.webhookStatus() + " and deliveries "
                    + deliveries.stream()
                            .map(XeroWebhookSimulatorIntegrationTests::describe)
                            .toList()
                    + "; the bridge's failures " + bridgeFailures;
            assertThat(stored(organisation.tenantId())).as(seen).hasSize(3);
            assertThat(deliveries).as(seen).anyMatch(delivery -> !delivery.intentToReceive());
        });
        processing.process(organisation.tenantId(), changes);
        var batches = simulator.webhookDeliveries().stream()
                .filter(delivery -> !delivery.intentToReceive())
                .toList();
        assertThat(batches)
                .isNotEmpty()
                .allSatisfy(delivery -> assertThat(delivery.acceptable()).isTrue());
        assertThat(simulator.webhookStatus()).isEqualTo(WebhookStatus.ACTIVE);
        var stored = stored(organisation.tenantId());
        var reason = "IGNORED no practice is connected to organisation " + organisation.tenantId();
        assertThat(stored)
                .containsExactlyInAnyOrder(
                        first.contactId() + " CREATE " + reason,
                        second.contactId() + " CREATE " + reason,
                        first.contactId() + " UPDATE " + reason);
    }

    @Test
    void failsIntentToReceiveWhenSigningWithAnotherKey() {
        simulator.configureWebhook(webhookUrl(), "a key Kontor does not know");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> simulator.webhookStatus() != WebhookStatus.INTENT_TO_RECEIVE);
        assertThat(simulator.webhookStatus()).isEqualTo(WebhookStatus.INTENT_TO_RECEIVE_FAILED);
        assertThat(simulator.webhookDeliveries())
                .extracting(WebhookDelivery::status)
                .containsOnly(401);
    }

    private List<String> stored(UUID tenant) {
        return jdbc.sql("select resource_id, event_type, status, reason from xero_webhook_events where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> rs.getString("resource_id") + " " + rs.getString("event_type") + " "
                        + rs.getString("status") + " " + rs.getString("reason"))
                .list();
    }

    private static String describe(WebhookDelivery delivery) {
        return delivery.at() + (delivery.intentToReceive() ? " intent to receive" : " batch") + " attempt "
                + delivery.attempt() + " answered " + delivery.status() + " " + delivery.body();
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + bridge.getAddress().getPort() + XeroWebhooks.PATH;
    }

    private void toMockMvc(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var request = post(exchange.getRequestURI()).content(body);
            exchange.getRequestHeaders()
                    .forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            var response = mvc.perform(request).andReturn().getResponse();
            for (var name : response.getHeaderNames()) {
                response.getHeaders(name)
                        .forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
            var content = response.getContentAsByteArray();
            exchange.sendResponseHeaders(response.getStatus(), content.length == 0 ? -1 : content.length);
            exchange.getResponseBody().write(content);
        } catch (Exception e) {
            bridgeFailures.add(e.toString());
            exchange.sendResponseHeaders(500, -1);
        }
    }
}
