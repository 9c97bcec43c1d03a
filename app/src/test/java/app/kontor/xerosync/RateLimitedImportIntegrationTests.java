package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.ContactDirectory;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.XeroLinks;
import app.xerosim.Fault;
import app.xerosim.LoggedRequest;
import app.xerosim.SimOrganisation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 6, robustness: an import that meets Xero's minute limit (a 429 with {@code Retry-After} on
 * {@code GET /Contacts}, between pages) paces itself. A short wait is slept out and the same page is
 * asked for again no sooner than Xero said; a wait longer than a job should block for is shown as the
 * import's message and the job is rescheduled, asking Xero nothing meanwhile. Either way the import
 * then finishes with every Xero contact imported once.
 */
@KontorIntegrationTest
class RateLimitedImportIntegrationTests {

    static final String CONTACTS = "/api.xro/2.0/Contacts";
    static final int CONTACT_COUNT = 2_500;

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
    XeroImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aShortRetryAfterIsWaitedOutAndTheSamePageAskedForAgain() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = organisationWithContacts("Short wait");
        var tenant = organisation.tenantId().toString();
        // Two pages pass (a zero latency uses up the rule), then Xero's minute limit for the third.
        TestXero.simulator().faults().nextFor(tenant, 2, "GET", CONTACTS, Fault.latency(Duration.ZERO));
        TestXero.simulator().faults().nextFor(tenant, 1, "GET", CONTACTS, Fault.rateLimited("minute", 2));

        xero.connect(practice, organisation.tenantId());
        var finished = finished(practice);

        var requests = requests(organisation);
        var limited = requests.stream().filter(r -> r.status() == 429).toList();
        assertThat(limited)
                .as("GET /Contacts answered 429 in " + describe(requests))
                .hasSize(1);
        var refused = limited.getFirst();
        var retry = requests.get(requests.indexOf(refused) + 1);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.query()).as("the same page again").isEqualTo(refused.query());
        assertThat(retry.header("If-Modified-Since")).isEqualTo(refused.header("If-Modified-Since"));
        assertThat(Duration.between(refused.at(), retry.at()))
                .as("the retry waited for Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertCompleteAndOnce(practice, organisation, finished);
    }

    @Test
    void aLongRetryAfterIsShownAsWaitingAndTheImportCarriesOnWhenItIsDue() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = organisationWithContacts("Long wait");
        var tenant = organisation.tenantId().toString();
        // Longer than a job blocks a thread for (a minute): the import has to be rescheduled.
        TestXero.simulator().faults().nextFor(tenant, 1, "GET", CONTACTS, Fault.latency(Duration.ZERO));
        TestXero.simulator().faults().nextFor(tenant, 1, "GET", CONTACTS, Fault.rateLimited("minute", 600));

        xero.connect(practice, organisation.tenantId());
        var waiting = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.waitingUntil() != null);
        assertThat(waiting.state()).isEqualTo(ImportState.READING);
        assertThat(waiting.pages()).isEqualTo(1);
        assertThat(waiting.waitingUntil())
                .isBetween(Instant.now().plusSeconds(540), Instant.now().plusSeconds(601));
        mvc.perform(get("/api/v1/xero/import").with(fixtures.as(practice.adminEmail())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("READING"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("slow down")))
                .andExpect(jsonPath("$.waitingUntil").isNotEmpty());
        var asked = requests(organisation).size();

        // Several of the scheduler's polls later, Xero has not been asked again.
        Thread.sleep(2_000);
        assertThat(requests(organisation)).as("GET /Contacts while waiting").hasSize(asked);
        assertThat(imports.latest(practice.id()).orElseThrow().state()).isEqualTo(ImportState.READING);

        // Ten minutes pass: the job is due now, rather than this test sleeping them out.
        var moved = jdbc.sql("update scheduled_tasks set execution_time = ? where task_name = ? and task_instance = ?")
                .params(
                        OffsetDateTime.now(ZoneOffset.UTC),
                        XeroImports.TASK,
                        waiting.id().toString())
                .update();
        assertThat(moved).as("the import's job, rescheduled for later").isEqualTo(1);
        var finished = finished(practice);

        assertThat(finished.id()).isEqualTo(waiting.id());
        assertThat(finished.message()).isNull();
        assertThat(finished.waitingUntil()).isNull();
        assertCompleteAndOnce(practice, organisation, finished);
    }

    private SimOrganisation organisationWithContacts(String name) {
        var organisation = xero.newOrganisation(name);
        organisation
                .contacts()
                .generate(CONTACT_COUNT, 11)
                .forEach(id -> organisation.contacts().markAsCustomer(id));
        return organisation;
    }

    private void assertCompleteAndOnce(
            Fixtures.TestPractice practice, SimOrganisation organisation, XeroImport finished) {
        assertThat(finished.created()).isEqualTo(CONTACT_COUNT);
        assertThat(finished.failed() + finished.needsReview() + finished.skipped())
                .isZero();
        var linked = new HashSet<UUID>();
        for (var inXero : organisation.contacts().list()) {
            var link = links.findByXeroContact(practice.id(), organisation.tenantId(), inXero.contactId())
                    .orElseThrow(() -> new AssertionError("Not imported: " + inXero.name()));
            assertThat(linked.add(link.contactId().value()))
                    .as("a Kontor contact of its own for " + inXero.name())
                    .isTrue();
        }
        assertThat(linked).hasSize(CONTACT_COUNT);
        assertThat(contacts.matchKeys(practice.id())).as("Kontor contacts").hasSize(CONTACT_COUNT);
    }

    private List<LoggedRequest> requests(SimOrganisation organisation) {
        var tenant = organisation.tenantId().toString();
        return TestXero.simulator().requestLog().entries("GET", CONTACTS).stream()
                .filter(request -> tenant.equals(request.header("xero-tenant-id")))
                .toList();
    }

    private static String describe(List<LoggedRequest> requests) {
        return requests.stream()
                .map(r -> r.at() + " " + r.status() + " " + r.query() + " IMS " + r.header("If-Modified-Since"))
                .toList()
                .toString();
    }

    private XeroImport finished(Fixtures.TestPractice practice) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.state() == ImportState.FINISHED);
    }
}
