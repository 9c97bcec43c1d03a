package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.EmailAddress;
import app.kontor.contacts.PhoneNumber;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.XeroLinks;
import app.xerosim.ContactChanges;
import app.xerosim.Fault;
import app.xerosim.SimOrganisation;
import app.xerosim.SimPhone;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Automatic sync after the import, against the simulator with webhooks off: Xero's edits reach
 * Kontor by poll, thousands of contacts sharing one second arrive exactly once, the weekly
 * reconciliation reports without deleting, Xero's daily limit reschedules the sync, and `Sync now`,
 * pause and resume by web and REST.
 */
@KontorIntegrationTest
class XeroSyncIntegrationTests {

    static final String CONTACTS = "/api.xro/2.0/Contacts";

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
    XeroConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    XeroImports imports;

    @Test
    void aSyncBringsXerosEditOfALinkedContactIntoKontorAndRecordsIt() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Poll");
        var kea = organisation
                .contacts()
                .create(ContactChanges.named("Poll Kea Ltd " + unique())
                        .withEmail("kea@poll.example")
                        .asCustomer(true));
        xero.connectAndSettle(practice, organisation.tenantId());
        var link = links.findByXeroContact(practice.id(), organisation.tenantId(), kea.contactId())
                .orElseThrow();
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().update(kea.contactId(), ContactChanges.none().withEmail("new@poll.example"));

        assertThat(syncs.syncNow(practice.id(), "Test")).isEqualTo(XeroSyncs.SyncNow.STARTED);
        var run = finished(practice, RunKind.SYNC);

        assertThat(contacts.get(practice.id(), link.contactId()).billingEmail().map(EmailAddress::address))
                .contains("new@poll.example");
        var history = jdbc.sql("select actor, detail from xero_link_history where contact_id = ? and event = ?")
                .params(link.contactId().value(), "Updated from Xero")
                .query((rs, row) -> rs.getString(1) + " | " + rs.getString(2))
                .list();
        assertThat(history).containsExactly("Xero (poll) | Billing email: kea@poll.example → new@poll.example");
        assertThat(run.read()).as("only the edited contact is new to Kontor").isEqualTo(1);
        assertThat(run.pages()).isEqualTo(1);
        assertThat(run.startedBy()).isEqualTo("Test");
        var connection = connections.find(practice.id()).orElseThrow();
        assertThat(connection.lastSyncAt()).isNotNull();
        assertThat(connection.nextSyncAt()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(scheduledSync(practice)).isEqualTo(connection.nextSyncAt());
    }

    @Test
    void archivingMergingAndAnErasureRequestInXeroReachKontorByPoll() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Poll statuses");
        var archived = customer(organisation, "Poll Archived Ltd");
        var merged = customer(organisation, "Poll Merged Ltd");
        var erased = customer(organisation, "Poll Erased Ltd");
        var survivor = organisation
                .contacts()
                .create(ContactChanges.named("Poll Survivor Ltd " + unique()))
                .contactId();
        xero.connectAndSettle(practice, organisation.tenantId());
        var kontorArchived = linked(practice, organisation, archived);
        var kontorMerged = linked(practice, organisation, merged);
        var kontorErased = linked(practice, organisation, erased);
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().archive(archived);
        organisation.contacts().merge(merged, survivor);
        organisation.contacts().requestErasure(erased);

        syncs.syncNow(practice.id(), "Test");
        finished(practice, RunKind.SYNC);

        assertThat(links.find(practice.id(), kontorArchived).orElseThrow().xeroStatus())
                .isEqualTo("ARCHIVED");
        assertThat(links.find(practice.id(), kontorMerged).orElseThrow().xeroContactId())
                .isEqualTo(survivor);
        assertThat(contacts.get(practice.id(), kontorErased).id())
                .as("flagged, not deleted")
                .isEqualTo(kontorErased);
        assertThat(jdbc.sql("""
                        select count(*) from xero_contacts
                        where tenant_id = ? and xero_contact_id = ? and raw_json is null and name = ''""")
                        .params(organisation.tenantId(), erased)
                        .query(Integer.class)
                        .single())
                .as("Kontor's copy of the Xero data is erased")
                .isEqualTo(1);
        assertThat(imports.needsAttention(practice.id(), 10))
                .anySatisfy(problem -> assertThat(problem.contactId()).isEqualTo(kontorErased));
    }

    @Test
    void anErasureRequestLeavesNoXeroValuesOrPayloadsInTheHistory() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Erasure history");
        xero.connectAndSettle(practice, organisation.tenantId());
        var name = "Erasure History Ltd " + unique();
        var kontor = fixtures.organisation(practice, name, "accounts@erasure.example", null);
        mvc.perform(post("/api/v1/contacts/" + kontor.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isCreated());
        var xeroId = links.find(practice.id(), kontor.id()).orElseThrow().xeroContactId();
        assertThat(historyRows(kontor.id()))
                .as("Create Contact's payloads are kept until then")
                .anyMatch(row -> row.contains("accounts@erasure.example"));

        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation.contacts().requestErasure(xeroId);
        syncs.syncNow(practice.id(), "Test");
        finished(practice, RunKind.SYNC);

        var rows = historyRows(kontor.id());
        assertThat(rows).hasSizeGreaterThan(1).noneMatch(row -> row.contains("erasure.example") || row.contains(name));
        assertThat(rows).anyMatch(row -> row.startsWith("Erasure requested in Xero |"));
        assertThat(contacts.get(practice.id(), kontor.id()).name())
                .as("the Kontor contact stays")
                .isEqualTo(name);
    }

    /** Each history entry of the contact as "event | detail | sent | answer". */
    private List<String> historyRows(app.kontor.shared.ContactId contact) {
        return jdbc.sql("select event, detail, sent, answer from xero_link_history where contact_id = ?")
                .param(contact.value())
                .query((rs, row) ->
                        String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    @Test
    void xerosChangeToOneFieldLeavesKontorsEditOfAnotherAlone() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Field by field");
        xero.connectAndSettle(practice, organisation.tenantId());
        var kontor = fixtures.organisation(
                practice, "Field By Field Ltd " + unique(), "accounts@field.example", "+64 9 377 1111");
        mvc.perform(post("/api/v1/contacts/" + kontor.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isCreated());
        var xeroId = links.find(practice.id(), kontor.id()).orElseThrow().xeroContactId();
        // Kontor's edit of a created contact stays in Kontor (one-way); Xero then changes only the phone.
        var current = contacts.get(practice.id(), kontor.id());
        contacts.update(
                practice.id(),
                kontor.id(),
                current.version(),
                current.toInput()
                        .withEmails(List.of(new ContactInput.EmailInput("Billing", "office@field.example", true))));
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        organisation
                .contacts()
                .update(xeroId, ContactChanges.none().withPhone(SimPhone.of("DEFAULT", "64", "4", "4992222")));

        syncs.syncNow(practice.id(), "Test");
        finished(practice, RunKind.SYNC);

        var after = contacts.get(practice.id(), kontor.id());
        assertThat(after.primaryPhone().map(PhoneNumber::e164)).contains("+6444992222");
        assertThat(after.billingEmail().map(EmailAddress::address)).contains("office@field.example");
        assertThat(organisation.contacts().get(xeroId).emailAddress()).isEqualTo("accounts@field.example");
    }

    @Test
    void twoThousandFiveHundredContactsSharingOneSecondSyncExactlyOnce() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Same second");
        xero.connectAndSettle(practice, organisation.tenantId());
        jdbc.sql("update xero_connections set import_filter = 'ALL' where practice_id = ?")
                .param(practice.id().value())
                .update();
        var simulator = TestXero.simulator();
        simulator.clock().advance(Duration.ofSeconds(2));
        var ids = organisation
                .contacts()
                .generate(2_500, System.nanoTime(), simulator.clock().instant());
        var before = requests(organisation);

        syncs.syncNow(practice.id(), "Test");
        var run = finished(practice, RunKind.SYNC);

        assertThat(run.read()).isEqualTo(2_500);
        assertThat(run.created()).isEqualTo(2_500);
        assertThat(run.failed()).isZero();
        assertThat(contacts.matchKeys(practice.id())).hasSize(2_500);
        for (var id : ids) {
            assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), id))
                    .as("linked: " + id)
                    .isPresent();
        }
        // The first page moves the cursor to the shared second, which is then read as pages 1, 2 and 3
        // of that second (DESIGN §5; the third is short and ends the run): page 1 is read twice, and
        // stored once.
        assertThat(requests(organisation) - before).isEqualTo(4);

        syncs.syncNow(practice.id(), "Test again");
        var again = finishedAfter(practice, run.id());
        assertThat(again.read()).as("nothing changed since").isZero();
        assertThat(contacts.matchKeys(practice.id())).hasSize(2_500);
    }

    @Test
    void theWeeklyReconciliationReportsMissedChangesAndVanishedContactsWithoutDeletingAnything() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Reconcile");
        var kept = organisation
                .contacts()
                .create(ContactChanges.named("Reconcile Kept Ltd " + unique()).asCustomer(true));
        xero.connectAndSettle(practice, organisation.tenantId());
        // A week and a day since the import, a change Kontor missed, and a contact Xero no longer lists.
        jdbc.sql("update xero_imports set started_at = ?, finished_at = ? where practice_id = ?")
                .params(daysAgo(8), daysAgo(8), practice.id().value())
                .update();
        jdbc.sql("update xero_contacts set updated_at = ? where tenant_id = ? and xero_contact_id = ?")
                .params(daysAgo(9), organisation.tenantId(), kept.contactId())
                .update();
        var vanished = UUID.randomUUID();
        jdbc.sql("""
                        insert into xero_contacts (tenant_id, xero_contact_id, practice_id, name, match_name, status,
                            customer, supplier, updated_at, pending, read_at)
                        values (?, ?, ?, 'Gone Ltd', 'gone', 'ACTIVE', true, false, ?, false, ?)""")
                .params(organisation.tenantId(), vanished, practice.id().value(), daysAgo(9), daysAgo(8))
                .update();

        syncs.syncNow(practice.id(), "Test");
        var run = finished(practice, RunKind.RECONCILIATION);

        assertThat(run.read()).as("the missed change").isEqualTo(1);
        assertThat(run.missing()).as("the contact Xero no longer lists").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from xero_contacts where xero_contact_id = ?")
                        .param(vanished)
                        .query(Integer.class)
                        .single())
                .as("reported, not deleted")
                .isEqualTo(1);
        assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), kept.contactId()))
                .isPresent();
        assertThat(imports.needsAttention(practice.id(), 10)).singleElement().satisfies(problem -> {
            assertThat(problem.xeroName()).isEqualTo("Gone Ltd");
            assertThat(problem.reason()).startsWith("Xero no longer lists this contact");
        });

        // The next reconciliation says it again, once.
        jdbc.sql("update xero_imports set started_at = ?, finished_at = ? where practice_id = ?")
                .params(daysAgo(8), daysAgo(8), practice.id().value())
                .update();
        syncs.syncNow(practice.id(), "Test");
        finishedAfter(practice, run.id());
        assertThat(imports.needsAttention(practice.id(), 10)).hasSize(1);
    }

    @Test
    void xerosDailyLimitPutsTheNextSyncOffUntilTheLimitResetsAndThenItRunsByItself() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Day limit sync");
        xero.connectAndSettle(practice, organisation.tenantId());
        TestXero.simulator()
                .faults()
                .nextFor(organisation.tenantId().toString(), 1, "GET", CONTACTS, Fault.rateLimited("day", 3600));

        syncs.syncNow(practice.id(), "Test");
        var waiting = await().atMost(Duration.ofSeconds(30))
                .until(() -> latest(practice, RunKind.SYNC), r -> r != null && r.waitingUntil() != null);

        assertThat(waiting.state()).isEqualTo(ImportState.READING);
        assertThat(waiting.waitingUntil())
                .isBetween(Instant.now().plusSeconds(3000), Instant.now().plusSeconds(3700));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> waiting.waitingUntil().equals(scheduledSync(practice)));
        var calls = requests(organisation);

        // The hour passes: Xero's limit has reset, and the job's time has come.
        jdbc.sql("update xero_rate_budgets set paused_until = null where tenant_id = ?")
                .param(organisation.tenantId())
                .update();
        scheduler.reschedule(
                TaskInstanceId.of(XeroSyncs.TASK, practice.id().value().toString()), Instant.now());

        var resumed = finishedAfter(practice, null);
        assertThat(resumed.id()).as("the same sync carried on").isEqualTo(waiting.id());
        assertThat(requests(organisation)).isGreaterThan(calls);
    }

    @Test
    void aConnectionWithoutItsSyncJobGetsItAtStartUp() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Lost job");
        xero.connectAndSettle(practice, organisation.tenantId());
        jdbc.sql("delete from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(XeroSyncs.TASK, practice.id().value().toString())
                .update();

        syncs.scheduleMissing();

        assertThat(scheduledSync(practice)).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
    }

    @Test
    void syncNowPauseAndResumeByRestAndOnTheSettingsPage() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Sync now");
        xero.connectAndSettle(practice, organisation.tenantId());

        mvc.perform(post("/api/v1/xero/sync")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/integrations/xero/sync")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/xero/sync")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.result").value("STARTED"));
        var first = finished(practice, RunKind.SYNC);

        mvc.perform(post("/api/v1/xero/connection/pause")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/xero/sync")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/sync-paused"));
        var page = mvc.perform(get("/settings/integrations/xero").with(fixtures.as(practice.adminEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Sync log", "None while sync is paused", "/webhooks/xero");
        var kontorOnly = fixtures.organisation(practice, "Paused Kontor Only Ltd " + unique());
        var contactPage = mvc.perform(get("/contacts/" + kontorOnly.id()).with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(contactPage)
                .contains(
                        "Automatic sync with Xero is paused", "Create Contact still works", ">Create Contact</button>");
        mvc.perform(post("/api/v1/contacts/" + kontorOnly.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isCreated());
        assertThat(links.find(practice.id(), kontorOnly.id()).orElseThrow().origin())
                .as("Create Contact works while paused")
                .isEqualTo(app.kontor.xerolink.LinkOrigin.CREATED);

        mvc.perform(post("/api/v1/xero/connection/resume")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().is2xxSuccessful());
        var afterResume = finishedAfter(practice, first.id());
        assertThat(afterResume.startedBy()).isEqualTo("Resume sync");

        mvc.perform(post("/settings/integrations/xero/sync")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        finishedAfter(practice, afterResume.id());
        mvc.perform(get("/api/v1/xero/sync/runs").with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[3].kind").value("IMPORT"))
                .andExpect(jsonPath("$[0].kind").value("SYNC"))
                .andExpect(jsonPath("$[0].state").value("FINISHED"));
        var memberPage = mvc.perform(get("/settings/integrations/xero").with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(memberPage).contains("Sync log").doesNotContain(">Sync now<");
        assertThat(page).contains(">Sync now<");
    }

    private static UUID customer(SimOrganisation organisation, String name) {
        return organisation
                .contacts()
                .create(ContactChanges.named(name + " " + unique())
                        .withEmail(unique() + "@poll.example")
                        .asCustomer(true))
                .contactId();
    }

    private app.kontor.shared.ContactId linked(
            Fixtures.TestPractice practice, SimOrganisation organisation, UUID xeroContactId) {
        return links.findByXeroContact(practice.id(), organisation.tenantId(), xeroContactId)
                .orElseThrow()
                .contactId();
    }

    private XeroImport finished(Fixtures.TestPractice practice, RunKind kind) {
        return await().atMost(Duration.ofSeconds(90))
                .until(() -> latest(practice, kind), run -> run != null && run.state() == ImportState.FINISHED);
    }

    /** The practice's newest run of any kind other than the import, once finished, if it is not {@code previous}. */
    private XeroImport finishedAfter(Fixtures.TestPractice practice, UUID previous) {
        return await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> syncs.log(practice.id(), 1).getFirst(),
                        run -> !run.id().equals(previous) && run.state() == ImportState.FINISHED);
    }

    private XeroImport latest(Fixtures.TestPractice practice, RunKind kind) {
        return syncs.log(practice.id(), 50).stream()
                .filter(run -> run.kind() == kind)
                .findFirst()
                .orElse(null);
    }

    private Instant scheduledSync(Fixtures.TestPractice practice) {
        return scheduler
                .getScheduledExecution(
                        TaskInstanceId.of(XeroSyncs.TASK, practice.id().value().toString()))
                .orElseThrow()
                .getExecutionTime();
    }

    private static long requests(SimOrganisation organisation) {
        var tenant = organisation.tenantId().toString();
        return TestXero.simulator().requestLog().entries("GET", CONTACTS).stream()
                .filter(request -> tenant.equals(request.header("xero-tenant-id")))
                .count();
    }

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
