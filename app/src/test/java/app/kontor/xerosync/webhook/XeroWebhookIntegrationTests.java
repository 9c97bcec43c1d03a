package app.kontor.xerosync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroFixtures;
import app.kontor.xero.XeroRateLimitedException;
import app.kontor.xerolink.XeroLinks;
import app.kontor.xerosync.XeroContactChanges;
import app.kontor.xerosync.XeroWebhooks;
import app.xerosim.ContactChanges;
import app.xerosim.webhooks.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The receiver against Xero's rules (XERO-CONTRACT §5): signatures, intent to receive, empty answers
 * without cookies, de-duplication, ignored events, and the coalesced hand-off to the sync. Bodies are
 * signed with the simulator's own signing code.
 */
@KontorIntegrationTest
class XeroWebhookIntegrationTests {

    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookInbox inbox;

    @Autowired
    WebhookProcessing processing;

    @Autowired
    XeroWebhooks webhooks;

    @Autowired
    XeroLinks links;

    @Test
    void correctlySignedBatchIsStoredAndAnsweredOkWithEmptyBodyAndNoCookie() throws Exception {
        var connected = connectedOrganisation("Webhook Valid");
        var first = connected.newContactId("Alpha");
        var second = connected.newContactId("Beta");
        var sessionsBefore = sessions();

        var response = send(
                signed(batch(event(connected.tenantId, first, "CREATE"), event(connected.tenantId, second, "UPDATE"))));

        assertEmptyAnswer(response, 200);
        assertThat(sessions()).isEqualTo(sessionsBefore);
        var rows = rows(connected.tenantId);
        assertThat(rows).extracting(Row::resourceId).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.practiceId()).isEqualTo(connected.practice.id().value());
            // Waiting for the sync, or handed over already if one is in place.
            assertThat(row.status()).isIn("RECEIVED", "PROCESSED");
        });
    }

    @Test
    void wrongOrMissingSignatureIsRefusedWith401AndStoresNothing() throws Exception {
        var tenant = UUID.randomUUID();
        var body = batch(event(tenant, UUID.randomUUID(), "UPDATE"));

        assertEmptyAnswer(send(withSignature(body, WebhookSender.sign("not-the-key", body))), 401);
        assertEmptyAnswer(send(withSignature(body, null)), 401);
        assertEmptyAnswer(send(withSignature(body, "not base64 at all!")), 401);
        // Signed for another body: the signature covers the raw bytes, not the JSON's meaning.
        assertEmptyAnswer(send(withSignature(body + " ", WebhookSender.sign(TestXero.WEBHOOK_KEY, body))), 401);

        assertThat(rows(tenant)).isEmpty();
    }

    @Test
    void intentToReceiveAnswers200WhenSignedRightAnd401WhenSignedWrong() throws Exception {
        var body = "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"S0m3r4Nd0mt3xt\"}";

        assertEmptyAnswer(send(signed(body)), 200);
        assertEmptyAnswer(send(withSignature(body, WebhookSender.sign("not-" + TestXero.WEBHOOK_KEY, body))), 401);
        assertEmptyAnswer(send(signed(body)), 200);
    }

    @Test
    void emptyBodyIsRefused() throws Exception {
        assertEmptyAnswer(send(withSignature("", null)), 401);
        // Correctly signed but not Xero's JSON: refused, nothing to store.
        assertEmptyAnswer(send(signed("")), 400);
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413AndStoresNothing() throws Exception {
        var tenant = UUID.randomUUID();
        var padding = "x".repeat(XeroWebhookEndpoint.MAX_BODY_BYTES);
        var body = "{\"events\":[" + event(tenant, UUID.randomUUID(), "UPDATE") + "],\"entropy\":\"" + padding + "\"}";

        assertEmptyAnswer(send(signed(body)), 413);

        assertThat(rows(tenant)).isEmpty();
    }

    @Test
    void duplicatedAndReorderedDeliveriesAreStoredOnce() throws Exception {
        var tenant = UUID.randomUUID();
        var contact = UUID.randomUUID();
        var events = List.of(
                event(tenant, contact, "CREATE", "2026-11-26T04:00:00.100"),
                event(tenant, contact, "UPDATE", "2026-11-26T04:00:01.200"),
                event(tenant, UUID.randomUUID(), "UPDATE", "2026-11-26T04:00:02.300"));
        var reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        var body = batch(events.toArray(String[]::new));
        assertEmptyAnswer(send(signed(body)), 200);
        assertEmptyAnswer(send(signed(body)), 200);
        assertEmptyAnswer(send(signed(batch(reversed.toArray(String[]::new)))), 200);

        assertThat(rows(tenant)).hasSize(3);
    }

    @Test
    void eventsOfAnOrganisationNoPracticeIsConnectedToAreIgnoredWithTheReason() throws Exception {
        var tenant = UUID.randomUUID();

        assertEmptyAnswer(send(signed(batch(event(tenant, UUID.randomUUID(), "UPDATE")))), 200);

        assertThat(rows(tenant)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("IGNORED");
            assertThat(row.practiceId()).isNull();
            assertThat(row.reason()).isEqualTo("no practice is connected to organisation " + tenant);
        });
        assertThat(scheduledRun(tenant)).isNull();
    }

    @Test
    void eventsOtherThanContactEventsAreIgnoredWithTheReason() throws Exception {
        var connected = connectedOrganisation("Webhook Invoice");
        var invoice = "{\"resourceUrl\":\"https://api.xero.com/api.xro/2.0/Invoices/x\",\"resourceId\":\""
                + UUID.randomUUID() + "\",\"eventDateUtc\":\"" + now() + "\",\"eventType\":\"CREATE\","
                + "\"eventCategory\":\"INVOICE\",\"tenantId\":\"" + connected.tenantId
                + "\",\"tenantType\":\"ORGANISATION\"}";

        assertEmptyAnswer(send(signed(batch(invoice))), 200);

        assertThat(rows(connected.tenantId)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("IGNORED");
            assertThat(row.reason()).isEqualTo("not a contact event (eventCategory INVOICE)");
        });
    }

    @Test
    void everyEventOfALargeBatchIsKept() throws Exception {
        var tenant = UUID.randomUUID();
        var events = IntStream.range(0, 500)
                .mapToObj(i -> event(tenant, UUID.randomUUID(), "UPDATE"))
                .toArray(String[]::new);

        assertEmptyAnswer(send(signed(batch(events))), 200);

        assertThat(rows(tenant)).hasSize(500);
    }

    @Test
    void aBurstOfWebhooksForOneOrganisationSharesOneRunAtATimeAndEveryEventIsHandled() throws Exception {
        var connected = connectedOrganisation("Webhook Burst");

        send(signed(batch(event(connected.tenantId, connected.newContactId("One"), "CREATE"))));
        var runsSeen = new ArrayList<Integer>();
        runsSeen.add(scheduledRuns(connected.tenantId).size());
        send(signed(batch(event(connected.tenantId, connected.newContactId("Two"), "CREATE"))));
        runsSeen.add(scheduledRuns(connected.tenantId).size());
        send(signed(batch(event(connected.tenantId, connected.newContactId("Three"), "CREATE"))));
        runsSeen.add(scheduledRuns(connected.tenantId).size());

        // At most one run per organisation at any time (the task instance is the tenant id); events that
        // arrive while it runs are taken by the same run.
        assertThat(runsSeen).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1));
        assertThat(rows(connected.tenantId)).hasSize(3);
        await().atMost(Duration.ofSeconds(40))
                .until(() -> rows(connected.tenantId).stream()
                        .noneMatch(row -> row.status().equals("RECEIVED")));
        await().atMost(Duration.ofSeconds(40))
                .until(() -> scheduledRuns(connected.tenantId).isEmpty());
    }

    @Test
    void waitingContactEventsAreHandedOverOnceWithDistinctContactIdsAndThenMarkedProcessed() {
        var connected = connectedOrganisation("Webhook Hand-off");
        var changed = connected.newContactId("Changed Twice");
        var created = connected.newContactId("Created");
        inbox.store(
                List.of(
                        parsed(connected.tenantId, changed, "UPDATE", "2026-11-26T05:00:00.000"),
                        parsed(connected.tenantId, changed, "UPDATE", "2026-11-26T05:00:01.000"),
                        parsed(connected.tenantId, created, "CREATE", "2026-11-26T05:00:02.000")),
                Instant.now());
        var calls = new ArrayList<Call>();

        var more = processing.process(connected.tenantId, recording(calls));

        assertThat(more).isFalse();
        assertThat(calls)
                .containsExactly(
                        new Call(connected.practice.id(), connected.tenantId, Set.of(changed, created), "webhook"));
        assertThat(rows(connected.tenantId)).extracting(Row::status).containsOnly("PROCESSED");
        // Nothing is handed over twice.
        processing.process(connected.tenantId, recording(calls));
        assertThat(calls).hasSize(1);
    }

    @Test
    void aFailingHandOverKeepsTheEventsWaitingAndGivesUpAfterRepeatedFailures() {
        var connected = connectedOrganisation("Webhook Failing");
        inbox.store(
                List.of(parsed(connected.tenantId, connected.newContactId("Broken"), "UPDATE", now())), Instant.now());
        XeroContactChanges internal = (practice, tenant, ids, trigger) -> {
            throw new IllegalStateException("bad SQL grammar [select secret from somewhere]");
        };
        XeroContactChanges failing = (practice, tenant, ids, trigger) -> {
            throw new XeroConnectionException("Xero is down");
        };

        assertThatThrownBy(() -> processing.process(connected.tenantId, internal))
                .hasMessageContaining("bad SQL");
        assertThat(rows(connected.tenantId)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("RECEIVED");
            assertThat(row.reason())
                    .as("what the settings page may show")
                    .isEqualTo("an unexpected error; the server's log has the details");
        });
        assertThatThrownBy(() -> processing.process(connected.tenantId, failing))
                .hasMessage("Xero is down");
        assertThat(rows(connected.tenantId)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("RECEIVED");
            assertThat(row.reason()).isEqualTo("Xero is down");
        });

        for (var attempt = 3; attempt <= WebhookProcessing.MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> processing.process(connected.tenantId, failing));
        }
        assertThat(rows(connected.tenantId)).extracting(Row::status).containsExactly("FAILED");
        assertThat(webhooks.webhookStatus(connected.practice.id()))
                .extracting(XeroWebhooks.WebhookStatus::failed, XeroWebhooks.WebhookStatus::lastFailure)
                .containsExactly(1L, "Xero is down");
    }

    @Test
    void xerosRateLimitKeepsTheEventsWaitingWithoutCountingAFailedTry() {
        var connected = connectedOrganisation("Webhook Limited");
        inbox.store(
                List.of(parsed(connected.tenantId, connected.newContactId("Limited"), "UPDATE", now())), Instant.now());
        var retryAt = Instant.now().plus(Duration.ofHours(3));
        XeroContactChanges limited = (practice, tenant, ids, trigger) -> {
            throw new XeroRateLimitedException(XeroRateLimitedException.Limit.DAY, retryAt);
        };

        for (var attempt = 1; attempt <= WebhookProcessing.MAX_ATTEMPTS + 1; attempt++) {
            assertThatThrownBy(() -> processing.process(connected.tenantId, limited))
                    .isInstanceOf(XeroRateLimitedException.class);
        }

        assertThat(rows(connected.tenantId)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("RECEIVED");
            assertThat(row.reason()).isNull();
        });
        assertThat(webhooks.webhookStatus(connected.practice.id()).lastFailure())
                .isNull();
    }

    @Test
    void archivingMergingAndAnErasureRequestInXeroReachKontorByWebhook() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Webhook statuses");
        var archived = customer(organisation, "Hook Archived Ltd");
        var merged = customer(organisation, "Hook Merged Ltd");
        var erased = customer(organisation, "Hook Erased Ltd");
        var survivor = organisation
                .contacts()
                .create(ContactChanges.named("Hook Survivor Ltd " + organisation.shortCode()))
                .contactId();
        xero.connectAndSettle(practice, organisation.tenantId());
        var kontorArchived = linked(practice, organisation.tenantId(), archived);
        var kontorMerged = linked(practice, organisation.tenantId(), merged);
        var kontorErased = linked(practice, organisation.tenantId(), erased);
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().archive(archived);
        organisation.contacts().merge(merged, survivor);
        organisation.contacts().requestErasure(erased);

        var tenant = organisation.tenantId();
        assertEmptyAnswer(
                send(signed(batch(
                        event(tenant, archived, "UPDATE"),
                        event(tenant, merged, "UPDATE"),
                        event(tenant, erased, "UPDATE")))),
                200);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> links.find(practice.id(), kontorErased)
                                .orElseThrow()
                                .xeroStatus(),
                        "GDPRREQUEST"::equals);
        assertThat(links.find(practice.id(), kontorArchived).orElseThrow().xeroStatus())
                .isEqualTo("ARCHIVED");
        assertThat(links.find(practice.id(), kontorMerged).orElseThrow().xeroContactId())
                .isEqualTo(survivor);
        assertThat(jdbc.sql("select event || ' by ' || actor from xero_link_history where contact_id = ?")
                        .param(kontorMerged.value())
                        .query(String.class)
                        .list())
                .contains("Merged in Xero by Xero (webhook)");
        assertThat(rows(tenant)).extracting(Row::status).containsOnly("PROCESSED");
    }

    @Test
    void statusCountsThePracticesEventsAndNamesTheWebhookUrl() throws Exception {
        var connected = connectedOrganisation("Webhook Status");
        var before = Instant.now().minusSeconds(1);
        send(signed(batch(
                event(connected.tenantId, connected.newContactId("Counted"), "CREATE"),
                event(connected.tenantId, connected.newContactId("Also Counted"), "CREATE"))));

        var status = webhooks.webhookStatus(connected.practice.id());

        assertThat(status.keyConfigured()).isTrue();
        assertThat(status.received()).isEqualTo(2);
        assertThat(status.pending() + status.processed()).isEqualTo(2);
        assertThat(status.ignored()).isZero();
        assertThat(status.lastReceivedAt()).isAfter(before);
        assertThat(webhooks.webhookStatus(fixtures.newPractice().id()).received())
                .isZero();
        assertThat(webhooks.webhookUrl("http://localhost:8080/")).isEqualTo("http://localhost:8080/webhooks/xero");
    }

    // --- helpers

    private record Row(String resourceId, String status, String reason, UUID practiceId) {}

    private record Call(PracticeId practice, UUID tenant, Set<UUID> contactIds, String trigger) {}

    private final class Connected {
        final Fixtures.TestPractice practice;
        final app.xerosim.SimOrganisation organisation;
        final UUID tenantId;

        Connected(Fixtures.TestPractice practice, app.xerosim.SimOrganisation organisation) {
            this.practice = practice;
            this.organisation = organisation;
            this.tenantId = organisation.tenantId();
        }

        UUID newContactId(String name) {
            return organisation
                    .contacts()
                    .create(ContactChanges.named(name + " " + organisation.shortCode()))
                    .contactId();
        }
    }

    private Connected connectedOrganisation(String name) {
        try {
            var practice = fixtures.newPractice();
            var organisation = xero.newOrganisation(name);
            xero.connect(practice, organisation.tenantId());
            return new Connected(practice, organisation);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static XeroContactChanges recording(List<Call> calls) {
        return (practice, tenant, ids, trigger) -> calls.add(new Call(practice, tenant, Set.copyOf(ids), trigger));
    }

    private static UUID customer(app.xerosim.SimOrganisation organisation, String name) {
        return organisation
                .contacts()
                .create(ContactChanges.named(name + " " + organisation.shortCode())
                        .withEmail(UUID.randomUUID().toString().substring(0, 8) + "@hook.example")
                        .asCustomer(true))
                .contactId();
    }

    private ContactId linked(Fixtures.TestPractice practice, UUID tenant, UUID xeroContactId) {
        return links.findByXeroContact(practice.id(), tenant, xeroContactId)
                .orElseThrow()
                .contactId();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static void assertEmptyAnswer(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
        assertThat(response.getCookies()).isEmpty();
    }

    private static MockHttpServletRequestBuilder signed(String body) {
        return withSignature(body, WebhookSender.sign(TestXero.WEBHOOK_KEY, body));
    }

    private static MockHttpServletRequestBuilder withSignature(String body, String signature) {
        var request = post(XeroWebhooks.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8));
        return signature == null ? request : request.header("x-xero-signature", signature);
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "],\"firstEventSequence\":1,\"lastEventSequence\":"
                + events.length + ",\"entropy\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String event(UUID tenant, UUID contact, String type) {
        return event(tenant, contact, type, now());
    }

    private static String event(UUID tenant, UUID contact, String type, String date) {
        return "{\"resourceUrl\":\"https://api.xero.com/api.xro/2.0/Contacts/" + contact + "\",\"resourceId\":\""
                + contact + "\",\"eventDateUtc\":\"" + date + "\",\"eventType\":\"" + type
                + "\",\"eventCategory\":\"CONTACT\",\"tenantId\":\"" + tenant + "\",\"tenantType\":\"ORGANISATION\"}";
    }

    private static WebhookBatch.Event parsed(UUID tenant, UUID contact, String type, String date) {
        return new WebhookBatch.Event(
                "https://api.xero.com/api.xro/2.0/Contacts/" + contact,
                contact.toString(),
                date,
                type,
                "CONTACT",
                tenant.toString(),
                "ORGANISATION");
    }

    private static String now() {
        return EVENT_DATE.format(LocalDateTime.now(ZoneOffset.UTC));
    }

    private List<Row> rows(UUID tenant) {
        return jdbc.sql("select resource_id, status, reason, practice_id from xero_webhook_events where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> new Row(
                        rs.getString("resource_id"),
                        rs.getString("status"),
                        rs.getString("reason"),
                        rs.getObject("practice_id", UUID.class)))
                .list();
    }

    private List<OffsetDateTime> scheduledRuns(UUID tenant) {
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(WebhookProcessing.TASK, tenant.toString())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list();
    }

    private OffsetDateTime scheduledRun(UUID tenant) {
        var runs = scheduledRuns(tenant);
        return runs.isEmpty() ? null : runs.getFirst();
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }
}
