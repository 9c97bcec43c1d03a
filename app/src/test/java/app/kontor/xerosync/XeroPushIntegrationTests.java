package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
        var both = matched("Push", "Push Matched Ltd", "old@push.example");
        var practice = both.practice();
        var organisation = both.organisation();
        assertThat(links.find(practice.id(), both.kontor()).orElseThrow().origin())
                .isEqualTo(LinkOrigin.MATCHED);
        var created = fixtures.organisation(practice, "Push Created Ltd " + unique(), "created@push.example", null);
        mvc.perform(post("/api/v1/contacts/" + created.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isCreated());
        var createdInXero =
                links.find(practice.id(), created.id()).orElseThrow().xeroContactId();

        editEmail(practice, both.kontor(), "new@push.example");
        editEmail(practice, created.id(), "changed@push.example");

        assertThat(pushesQueued(created.id())).as("a created link is one-way").isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> organisation.contacts().get(both.xeroId()).emailAddress(), "new@push.example"::equals);
        assertThat(posts(organisation, both.xeroId())).hasSize(1);
        assertThat(posts(organisation, both.xeroId()).getFirst().idempotencyKey())
                .startsWith("kontor-push-");
        assertThat(organisation.contacts().get(createdInXero).emailAddress()).isEqualTo("created@push.example");
        assertThat(posts(organisation, createdInXero)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> history(both.kontor(), "Sent to Xero").size() == 1);
        assertThat(history(both.kontor(), "Sent to Xero"))
                .containsExactly("Kontor | Billing email: old@push.example → new@push.example");

        // The next sync reads the pushed contact back and finds nothing to change in Kontor.
        syncs.syncNow(practice.id(), "Test");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> syncs.log(practice.id(), 1).getFirst(),
                        run -> run.kind() == RunKind.SYNC && run.state() == ImportState.FINISHED);
        assertThat(history(both.kontor(), "Updated from Xero")).isEmpty();
        assertThat(posts(organisation, both.xeroId())).as("not sent again").hasSize(1);
    }

    @Test
    void aKontorEditOfAContactLinkedByHandReachesXero() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("By hand");
        // Not a customer, so the import leaves it alone; an admin links it with Link existing….
        var xeroId = organisation
                .contacts()
                .create(ContactChanges.named("By Hand Trading " + unique()).withEmail("old@hand.example"))
                .contactId();
        var kontor = fixtures.organisation(practice, "By Hand Ltd " + unique(), "old@hand.example", null);
        xero.connectAndSettle(practice, organisation.tenantId());
        mvc.perform(put("/api/v1/contacts/" + kontor.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"xeroContactId\":\"" + xeroId + "\"}"))
                .andExpect(status().isOk());
        assertThat(links.find(practice.id(), kontor.id()).orElseThrow().origin())
                .isEqualTo(LinkOrigin.LINKED);

        editEmail(practice, kontor.id(), "new@hand.example");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> organisation.contacts().get(xeroId).emailAddress(), "new@hand.example"::equals);
        assertThat(posts(organisation, xeroId)).hasSize(1);
    }

    @Test
    void whenBothSidesChangedXeroWinsAndTheXeroClientSectionShowsTheConflict() throws Exception {
        var both = matched("Conflict", "Conflict Ltd", "before@conflict.example");
        var practice = both.practice();
        var organisation = both.organisation();
        // Xero changes first; Kontor has not heard of it (no webhook, no sync yet) when it is edited too.
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().update(both.xeroId(), ContactChanges.none().withEmail("xero@conflict.example"));

        editEmail(practice, both.kontor(), "kontor@conflict.example");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !history(both.kontor(), "Conflict").isEmpty());
        assertThat(contacts.get(practice.id(), both.kontor()).billingEmail().map(EmailAddress::address))
                .contains("xero@conflict.example");
        assertThat(organisation.contacts().get(both.xeroId()).emailAddress()).isEqualTo("xero@conflict.example");
        assertThat(posts(organisation, both.xeroId())).isEmpty();
        var page = mvc.perform(get("/contacts/" + both.kontor()).with(fixtures.as(practice.memberEmail())))
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
        var both = matched("Refused", "Refused Ltd", "a@refused.example");
        var practice = both.practice();
        var organisation = both.organisation();
        var name = both.name();
        var taken = "Taken Name Ltd " + unique();
        organisation.contacts().create(ContactChanges.named(taken));

        edit(practice, both.kontor(), input -> named(input, taken));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !history(both.kontor(), "Xero refused the change").isEmpty());
        assertThat(history(both.kontor(), "Xero refused the change").getFirst()).contains(taken);
        assertThat(organisation.contacts().get(both.xeroId()).name()).isEqualTo(name);
        assertThat(pushesQueued(both.kontor())).as("not retried").isZero();
    }

    @Test
    void anEditMadeWhileItsPushIsUnderWayIsSentToo() throws Exception {
        var both = matched("Under way", "Under Way Ltd", "old@underway.example");
        var practice = both.practice();
        var organisation = both.organisation();
        // The first push is slow, so the second edit lands while it runs and finds its job already there.
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "POST",
                        "/api.xro/2.0/Contacts/" + both.xeroId(),
                        Fault.latency(Duration.ofSeconds(3)));

        editEmail(practice, both.kontor(), "first@underway.example");
        await().atMost(Duration.ofSeconds(30)).until(() -> pushRunning(both.kontor()));
        editEmail(practice, both.kontor(), "second@underway.example");

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> organisation.contacts().get(both.xeroId()).emailAddress(),
                        "second@underway.example"::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushesQueued(both.kontor()) == 0);
        assertThat(posts(organisation, both.xeroId())).hasSize(2);
        assertThat(history(both.kontor(), "Sent to Xero"))
                .containsExactly(
                        "Kontor | Billing email: old@underway.example → first@underway.example",
                        "Kontor | Billing email: first@underway.example → second@underway.example");
    }

    @Test
    void anEditBackToEarlierValuesIsSentAgainUnderANewKey() throws Exception {
        var both = matched("Back and forth", "Back And Forth Ltd", "a@forth.example");
        var practice = both.practice();
        var organisation = both.organisation();

        for (var email : List.of("b@forth.example", "a@forth.example", "b@forth.example")) {
            editEmail(practice, both.kontor(), email);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> organisation.contacts().get(both.xeroId()).emailAddress(), email::equals);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushesQueued(both.kontor()) == 0);
        }

        var keys = posts(organisation, both.xeroId()).stream()
                .map(app.xerosim.LoggedRequest::idempotencyKey)
                .toList();
        assertThat(keys).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void editsMadeWhileSyncIsPausedAreSentAfterResumeAndAFieldXeroChangedMeanwhileKeepsXerosValue() throws Exception {
        var both = matched("Paused edits", "Paused Edits Ltd", "before@paused.example");
        var practice = both.practice();
        var organisation = both.organisation();
        var name = both.name();
        connection(practice, "pause");

        var renamed = "Paused Renamed Ltd " + unique();
        edit(practice, both.kontor(), input -> billingEmail(named(input, renamed), "kontor@paused.example"));
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().update(both.xeroId(), ContactChanges.none().withEmail("xero@paused.example"));
        // The push tried once, found sync paused and waits for a later try.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushDueAfter(both.kontor(), Instant.now().plus(Duration.ofMinutes(1))));
        assertThat(posts(organisation, both.xeroId())).isEmpty();

        connection(practice, "resume");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> organisation.contacts().get(both.xeroId()).name(), renamed::equals);
        assertThat(organisation.contacts().get(both.xeroId()).emailAddress()).isEqualTo("xero@paused.example");
        assertThat(contacts.get(practice.id(), both.kontor()).billingEmail().map(EmailAddress::address))
                .contains("xero@paused.example");
        assertThat(history(both.kontor(), "Conflict"))
                .singleElement()
                .asString()
                .contains("Billing email: xero@paused.example → kontor@paused.example")
                .doesNotContain("Name");
        assertThat(posts(organisation, both.xeroId())).hasSize(1);
    }

    @Test
    void nothingIsSentToAContactXeroIsErasing() throws Exception {
        var both = matched("Erasing", "Erasing Ltd", "old@erasing.example");
        var practice = both.practice();
        var organisation = both.organisation();
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().requestErasure(both.xeroId());
        syncs.syncNow(practice.id(), "Test");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> links.find(practice.id(), both.kontor())
                                .orElseThrow()
                                .xeroStatus(),
                        "GDPRREQUEST"::equals);

        editEmail(practice, both.kontor(), "new@erasing.example");

        assertThat(pushesQueued(both.kontor())).as("no push is scheduled").isZero();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> posts(organisation, both.xeroId()).isEmpty());
    }

    /** A practice connected to a new organisation in which the import matched one contact to Kontor's. */
    private record Matched(
            Fixtures.TestPractice practice, SimOrganisation organisation, UUID xeroId, ContactId kontor, String name) {}

    private Matched matched(String organisationLabel, String namePrefix, String email) throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation(organisationLabel);
        var name = namePrefix + " " + unique();
        var xeroId = organisation
                .contacts()
                .create(ContactChanges.named(name).withEmail(email).asCustomer(true))
                .contactId();
        var kontor = fixtures.organisation(practice, name, email, null);
        xero.connectAndSettle(practice, organisation.tenantId());
        return new Matched(practice, organisation, xeroId, kontor.id(), name);
    }

    private void editEmail(Fixtures.TestPractice practice, ContactId id, String email) {
        edit(practice, id, input -> billingEmail(input, email));
    }

    private void edit(Fixtures.TestPractice practice, ContactId id, UnaryOperator<ContactInput> change) {
        Contact current = contacts.get(practice.id(), id);
        contacts.update(practice.id(), id, current.version(), change.apply(current.toInput()));
    }

    private static ContactInput billingEmail(ContactInput input, String email) {
        return input.withEmails(List.of(new ContactInput.EmailInput("Billing", email, true)));
    }

    private static ContactInput named(ContactInput input, String name) {
        return new ContactInput(
                input.kind(),
                name,
                input.firstName(),
                input.lastName(),
                input.notes(),
                input.emails(),
                input.phones(),
                input.addresses());
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
