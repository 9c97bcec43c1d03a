package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhooksIntegrationTests {

    private static final String KEY = "webhook-signing-key";

    private final XeroSimulator xero = XeroSimulator.start(XeroSimulatorSettings.defaults()
            .withWebhookBatchDelay(Duration.ofMillis(100))
            .withWebhookFirstRetryDelay(Duration.ofMillis(50))
            .withWebhookMaxAttempts(3));
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    /** A receiver as Xero wants one: 200 with no body for a good signature, 401 otherwise. */
    private String startReceiver(int answerForGoodSignature, boolean setCookie) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/xero", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("x-xero-signature");
            boolean valid = signature != null
                    && MessageDigest.isEqual(
                            signature.getBytes(StandardCharsets.UTF_8),
                            sign(body).getBytes(StandardCharsets.UTF_8));
            if (valid) {
                received.add(new String(body, StandardCharsets.UTF_8));
                app.xerosim.contract.ExchangeRecorder.record(
                        "webhook", "POST", "/webhooks/xero", 200, new String(body, StandardCharsets.UTF_8), "");
            }
            if (setCookie) {
                exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc");
            }
            exchange.sendResponseHeaders(valid ? answerForGoodSignature : 401, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/xero";
    }

    @AfterEach
    void stop() {
        xero.close();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void intentToReceiveSendsSignedAndMissignedEmptyBatchesThenActivates() throws Exception {
        xero.configureWebhook(startReceiver(200, false), KEY);

        await(() -> xero.webhookStatus() == WebhookStatus.ACTIVE);

        List<WebhookDelivery> itr = xero.webhookDeliveries();
        assertThat(itr).allMatch(WebhookDelivery::intentToReceive).allMatch(WebhookDelivery::acceptable);
        assertThat(itr).anyMatch(WebhookDelivery::correctlySigned).anyMatch(d -> !d.correctlySigned());
        JsonNode body = XeroClient.JSON.readTree(received.getFirst());
        assertThat(body.get("events").size()).isZero();
        assertThat(body.get("firstEventSequence").intValue()).isZero();
        assertThat(body.get("lastEventSequence").intValue()).isZero();
        assertThat(body.get("entropy").stringValue()).isNotBlank();
    }

    @Test
    void receiverThatAcceptsBadSignaturesOrSetsCookiesFailsIntentToReceive() throws Exception {
        xero.configureWebhook(startReceiver(200, true), KEY);

        await(() -> xero.webhookStatus() == WebhookStatus.INTENT_TO_RECEIVE_FAILED);
    }

    @Test
    void contactChangesArriveAsSignedBatchesWithSequences() throws Exception {
        xero.configureWebhook(startReceiver(200, false), KEY);
        await(() -> xero.webhookStatus() == WebhookStatus.ACTIVE);
        received.clear();
        SimOrganisation org = xero.organisations().create("Hooked Ltd");

        SimContact created = org.contacts().create(ContactChanges.named("Event Source"));
        xero.clock().advance(Duration.ofSeconds(1));
        org.contacts().update(created.contactId(), ContactChanges.none().withEmail("e@example.com"));
        await(() -> received.stream()
                        .mapToInt(b -> XeroClient.JSON.readTree(b).get("events").size())
                        .sum()
                == 2);

        List<JsonNode> events = received.stream()
                .flatMap(b -> XeroClient.JSON.readTree(b).get("events").valueStream())
                .toList();
        assertThat(events).extracting(e -> e.get("eventType").stringValue()).containsExactly("CREATE", "UPDATE");
        JsonNode event = events.getFirst();
        assertThat(event.get("resourceId").stringValue())
                .isEqualTo(created.contactId().toString());
        assertThat(event.get("resourceUrl").stringValue())
                .isEqualTo(xero.baseUrl() + "/api.xro/2.0/Contacts/" + created.contactId());
        assertThat(event.get("eventCategory").stringValue()).isEqualTo("CONTACT");
        assertThat(event.get("tenantId").stringValue()).isEqualTo(org.tenantId().toString());
        assertThat(event.get("tenantType").stringValue()).isEqualTo("ORGANISATION");
        assertThat(event.get("eventDateUtc").stringValue())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        JsonNode firstBatch = XeroClient.JSON.readTree(received.getFirst());
        assertThat(firstBatch.get("firstEventSequence").intValue()).isPositive();
    }

    @Test
    void aChangeInTheMillisecondOfTheLastStillMovesUpdatedDateAndRaisesAnEvent() throws Exception {
        xero.configureWebhook(startReceiver(200, false), KEY);
        await(() -> xero.webhookStatus() == WebhookStatus.ACTIVE);
        received.clear();
        SimOrganisation org = xero.organisations().create("Quick Ltd");
        xero.clock().freeze();

        SimContact created = org.contacts().create(ContactChanges.named("Fast Source"));
        SimContact renamed = org.contacts().update(created.contactId(), ContactChanges.named("Fast Source Renamed"));
        SimContact again = org.contacts().update(created.contactId(), ContactChanges.named("Fast Source Again"));

        assertThat(renamed.updatedDateUtc()).isEqualTo(created.updatedDateUtc().plusMillis(1));
        assertThat(again.updatedDateUtc()).isEqualTo(created.updatedDateUtc().plusMillis(2));
        await(() -> received.stream()
                        .mapToInt(b -> XeroClient.JSON.readTree(b).get("events").size())
                        .sum()
                == 3);
        assertThat(received.stream()
                        .flatMap(b -> XeroClient.JSON.readTree(b).get("events").valueStream())
                        .map(e -> e.get("eventType").stringValue()))
                .containsExactly("CREATE", "UPDATE", "UPDATE");
    }

    @Test
    void duplicateAndReversedBatchesCanBeSwitchedOnAtRunTime() throws Exception {
        xero.configureWebhook(startReceiver(200, false), KEY);
        await(() -> xero.webhookStatus() == WebhookStatus.ACTIVE);
        received.clear();
        xero.webhookOptions(WebhookOptions.none().withDuplicateBatches(true).withReverseEvents(true));
        SimOrganisation org = xero.organisations().create("Chaotic Ltd");

        SimContact first = org.contacts().create(ContactChanges.named("First"));
        SimContact second = org.contacts().create(ContactChanges.named("Second"));
        await(() -> received.size() >= 2);

        assertThat(received.get(1)).isEqualTo(received.get(0));
        JsonNode events = XeroClient.JSON.readTree(received.getFirst()).get("events");
        assertThat(events)
                .extracting(e -> e.get("resourceId").stringValue())
                .containsExactly(
                        second.contactId().toString(), first.contactId().toString());
    }

    @Test
    void customerFlagWithoutUpdatedDateChangeSendsNoEvent() throws Exception {
        xero.configureWebhook(startReceiver(200, false), KEY);
        await(() -> xero.webhookStatus() == WebhookStatus.ACTIVE);
        SimOrganisation org = xero.organisations().create("Quiet Ltd");
        SimContact contact = org.contacts().create(ContactChanges.named("Quiet"));
        await(() -> received.size() >= 3);
        received.clear();

        org.contacts().markAsCustomer(contact.contactId());
        Thread.sleep(400);

        assertThat(received).isEmpty();
    }

    @Test
    void failingReceiverIsRetriedThenDisabled() throws Exception {
        String url = startReceiver(200, false);
        xero.configureWebhook(url, KEY);
        await(() -> xero.webhookStatus() == WebhookStatus.ACTIVE);
        receiver.stop(0);
        receiver = null;
        xero.organisations().create("Unreachable Ltd").contacts().create(ContactChanges.named("Lost"));

        await(() -> xero.webhookStatus() == WebhookStatus.DISABLED);

        assertThat(xero.webhookDeliveries().stream().filter(d -> !d.intentToReceive()))
                .extracting(WebhookDelivery::attempt)
                .containsExactly(1, 2, 3);
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
