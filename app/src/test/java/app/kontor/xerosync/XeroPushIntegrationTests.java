package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.EmailAddress;
import app.kontor.shared.ContactId;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.LinkOrigin;
import app.kontor.xerolink.XeroLinks;
import app.xerosim.ContactChanges;
import app.xerosim.Fault;
import app.xerosim.SimOrganisation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Kontor's edits sent to Xero (DESIGN §1 rule 6), against the simulator: a matched contact's edit
 * arrives once, a created contact's never; when both sides changed Xero wins and the section shows
 * it; a change Xero refuses is recorded and changes nothing.
 */
@KontorIntegrationTest
class XeroPushIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    XeroLinks links;

    @Autowired
    XeroSyncs syncs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKontorEditOfAMatchedContactReachesXeroOnceAndOfACreatedContactNever() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Push");
        var name = "Push Matched Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name).withEmail("old@push.example").asCustomer(true));
        var matched = fixtures.organisation(practice, name, "old@push.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());
        assertThat(links.find(practice.id(), matched.id()).orElseThrow().origin())
                .isEqualTo(LinkOrigin.MATCHED);
        var created = fixtures.organisation(practice, "Push Created Ltd " + unique(), "created@push.example", null);
        mvc.perform(post("/api/v1/contacts/" + created.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isCreated());
        var createdInXero =
                links.find(practice.id(), created.id()).orElseThrow().xeroContactId();

        editEmail(practice, matched.id(), "new@push.example");
        editEmail(practice, created.id(), "changed@push.example");

        assertThat(pushesQueued(created.id())).as("a created link is one-way").isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> organisation.contacts().get(inXero.contactId()).emailAddress(),
                        "new@push.example"::equals);
        assertThat(posts(organisation, inXero.contactId())).hasSize(1);
        assertThat(posts(organisation, inXero.contactId()).getFirst().idempotencyKey())
                .startsWith("kontor-push-");
        assertThat(organisation.contacts().get(createdInXero).emailAddress()).isEqualTo("created@push.example");
        assertThat(posts(organisation, createdInXero)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> history(matched.id(), "Sent to Xero").size() == 1);
        assertThat(history(matched.id(), "Sent to Xero"))
                .containsExactly("Kontor | Billing email: old@push.example → new@push.example");

        // The next sync reads the pushed contact back and finds nothing to change in Kontor.
        syncs.syncNow(practice.id(), "Test");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> syncs.log(practice.id(), 1).getFirst(),
                        run -> run.kind() == RunKind.SYNC && run.state() == ImportState.FINISHED);
        assertThat(history(matched.id(), "Updated from Xero")).isEmpty();
        assertThat(posts(organisation, inXero.contactId())).as("not sent again").hasSize(1);
    }

    @Test
    void whenBothSidesChangedXeroWinsAndTheXeroClientSectionShowsTheConflict() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Conflict");
        var name = "Conflict Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name)
                        .withEmail("before@conflict.example")
                        .asCustomer(true));
        var kontor = fixtures.organisation(practice, name, "before@conflict.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());
        // Xero changes first; Kontor has not heard of it (no webhook, no sync yet) when it is edited too.
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().update(inXero.contactId(), ContactChanges.none().withEmail("xero@conflict.example"));

        editEmail(practice, kontor.id(), "kontor@conflict.example");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !history(kontor.id(), "Conflict").isEmpty());
        assertThat(contacts.get(practice.id(), kontor.id()).billingEmail().map(EmailAddress::address))
                .contains("xero@conflict.example");
        assertThat(organisation.contacts().get(inXero.contactId()).emailAddress())
                .isEqualTo("xero@conflict.example");
        assertThat(posts(organisation, inXero.contactId())).isEmpty();
        var page = mvc.perform(get("/contacts/" + kontor.id()).with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "Conflict",
                        "values were kept",
                        "Billing email: xero@conflict.example → kontor@conflict.example",
                        LinkOrigin.MATCHED.direction().substring(0, 20));
    }

    @Test
    void aChangeXeroRefusesIsRecordedOnceAndChangesNothingInXero() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Refused");
        var name = "Refused Ltd " + unique();
        var taken = "Taken Name Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name)
                        .withEmail("a@refused.example")
                        .asCustomer(true));
        organisation.contacts().create(ContactChanges.named(taken));
        var kontor = fixtures.organisation(practice, name, "a@refused.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());

        var current = contacts.get(practice.id(), kontor.id());
        var input = current.toInput();
        contacts.update(
                practice.id(),
                kontor.id(),
                current.version(),
                new ContactInput(
                        input.kind(),
                        taken,
                        input.firstName(),
                        input.lastName(),
                        input.notes(),
                        input.emails(),
                        input.phones(),
                        input.addresses()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !history(kontor.id(), "Xero refused the change").isEmpty());
        assertThat(history(kontor.id(), "Xero refused the change").getFirst()).contains(taken);
        assertThat(organisation.contacts().get(inXero.contactId()).name()).isEqualTo(name);
        assertThat(pushesQueued(kontor.id())).as("not retried").isZero();
    }

    @Test
    void anEditMadeWhileItsPushIsUnderWayIsSentToo() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Under way");
        var name = "Under Way Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name)
                        .withEmail("old@underway.example")
                        .asCustomer(true));
        var kontor = fixtures.organisation(practice, name, "old@underway.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());
        // The first push is slow, so the second edit lands while it runs and finds its job already there.
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "POST",
                        "/api.xro/2.0/Contacts/" + inXero.contactId(),
                        Fault.latency(Duration.ofSeconds(3)));

        editEmail(practice, kontor.id(), "first@underway.example");
        await().atMost(Duration.ofSeconds(30)).until(() -> pushRunning(kontor.id()));
        editEmail(practice, kontor.id(), "second@underway.example");

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> organisation.contacts().get(inXero.contactId()).emailAddress(),
                        "second@underway.example"::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushesQueued(kontor.id()) == 0);
        assertThat(posts(organisation, inXero.contactId())).hasSize(2);
        assertThat(history(kontor.id(), "Sent to Xero"))
                .containsExactly(
                        "Kontor | Billing email: old@underway.example → first@underway.example",
                        "Kontor | Billing email: first@underway.example → second@underway.example");
    }

    @Test
    void anEditBackToEarlierValuesIsSentAgainUnderANewKey() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Back and forth");
        var name = "Back And Forth Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name).withEmail("a@forth.example").asCustomer(true));
        var kontor = fixtures.organisation(practice, name, "a@forth.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());

        for (var email : List.of("b@forth.example", "a@forth.example", "b@forth.example")) {
            editEmail(practice, kontor.id(), email);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> organisation.contacts().get(inXero.contactId()).emailAddress(), email::equals);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushesQueued(kontor.id()) == 0);
        }

        var keys = posts(organisation, inXero.contactId()).stream()
                .map(app.xerosim.LoggedRequest::idempotencyKey)
                .toList();
        assertThat(keys).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void editsMadeWhileSyncIsPausedAreSentAfterResumeAndAFieldXeroChangedMeanwhileKeepsXerosValue() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Paused edits");
        var name = "Paused Edits Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name)
                        .withEmail("before@paused.example")
                        .asCustomer(true));
        var kontor = fixtures.organisation(practice, name, "before@paused.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());
        connection(practice, "pause");

        var renamed = "Paused Renamed Ltd " + unique();
        var current = contacts.get(practice.id(), kontor.id());
        var input = current.toInput()
                .withEmails(List.of(new ContactInput.EmailInput("Billing", "kontor@paused.example", true)));
        contacts.update(
                practice.id(),
                kontor.id(),
                current.version(),
                new ContactInput(
                        input.kind(),
                        renamed,
                        input.firstName(),
                        input.lastName(),
                        input.notes(),
                        input.emails(),
                        input.phones(),
                        input.addresses()));
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().update(inXero.contactId(), ContactChanges.none().withEmail("xero@paused.example"));
        // The push tried once, found sync paused and waits for a later try.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushDueAfter(kontor.id(), Instant.now().plus(Duration.ofMinutes(1))));
        assertThat(posts(organisation, inXero.contactId())).isEmpty();

        connection(practice, "resume");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> organisation.contacts().get(inXero.contactId()).name(), renamed::equals);
        assertThat(organisation.contacts().get(inXero.contactId()).emailAddress())
                .isEqualTo("xero@paused.example");
        assertThat(contacts.get(practice.id(), kontor.id()).billingEmail().map(EmailAddress::address))
                .contains("xero@paused.example");
        assertThat(history(kontor.id(), "Conflict"))
                .singleElement()
                .asString()
                .contains("Billing email: xero@paused.example → kontor@paused.example")
                .doesNotContain("Name");
        assertThat(posts(organisation, inXero.contactId())).hasSize(1);
    }

    @Test
    void nothingIsSentToAContactXeroIsErasing() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Erasing");
        var name = "Erasing Ltd " + unique();
        var inXero = organisation
                .contacts()
                .create(ContactChanges.named(name)
                        .withEmail("old@erasing.example")
                        .asCustomer(true));
        var kontor = fixtures.organisation(practice, name, "old@erasing.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().requestErasure(inXero.contactId());
        syncs.syncNow(practice.id(), "Test");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> links.find(practice.id(), kontor.id())
                                .orElseThrow()
                                .xeroStatus(),
                        "GDPRREQUEST"::equals);

        editEmail(practice, kontor.id(), "new@erasing.example");

        assertThat(pushesQueued(kontor.id())).as("no push is scheduled").isZero();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> posts(organisation, inXero.contactId()).isEmpty());
    }

    private void editEmail(Fixtures.TestPractice practice, ContactId id, String email) {
        Contact current = contacts.get(practice.id(), id);
        contacts.update(
                practice.id(),
                id,
                current.version(),
                current.toInput().withEmails(List.of(new ContactInput.EmailInput("Billing", email, true))));
    }

    private void connection(Fixtures.TestPractice practice, String action) throws Exception {
        mvc.perform(post("/api/v1/xero/connection/" + action)
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().is2xxSuccessful());
    }

    private boolean pushRunning(ContactId contact) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ? and picked")
                        .params(XeroPushes.TASK, contact.value().toString())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private boolean pushDueAfter(ContactId contact, Instant after) {
        return jdbc.sql("""
                        select count(*) from scheduled_tasks
                        where task_name = ? and task_instance = ? and not picked and execution_time > ?""")
                        .params(XeroPushes.TASK, contact.value().toString(), after.atOffset(ZoneOffset.UTC))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private int pushesQueued(ContactId contact) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(XeroPushes.TASK, contact.value().toString())
                .query(Integer.class)
                .single();
    }

    private List<String> history(ContactId contact, String event) {
        return jdbc.sql(
                        "select actor, detail from xero_link_history where contact_id = ? and event = ? order by happened_at")
                .params(contact.value(), event)
                .query((rs, row) -> rs.getString(1) + " | " + rs.getString(2))
                .list();
    }

    private static List<app.xerosim.LoggedRequest> posts(SimOrganisation organisation, UUID xeroContactId) {
        var tenant = organisation.tenantId().toString();
        return TestXero.simulator().requestLog().entries("POST", "/api.xro/2.0/Contacts/" + xeroContactId).stream()
                .filter(request -> tenant.equals(request.header("xero-tenant-id")))
                .toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
