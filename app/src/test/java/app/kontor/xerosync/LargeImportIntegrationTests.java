package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.EmailAddress;
import app.kontor.contacts.PhoneNumber;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.XeroLinks;
import app.xerosim.ContactChanges;
import app.xerosim.Fault;
import app.xerosim.SimContact;
import app.xerosim.SimOrganisation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Imports of thousands of contacts: exactly the simulator's set, field by field, with no duplicate
 * and no gap, also when a contact changes in Xero while the import is between pages; matched while
 * the read goes on, with the outcome of matching after it.
 */
@KontorIntegrationTest
class LargeImportIntegrationTests {

    static final String CONTACTS = "/api.xro/2.0/Contacts";

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
    MatchReviews reviews;

    @Test
    void importsFiveThousandContactsExactlyFieldByField() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Five thousand");
        organisation
                .contacts()
                .generate(5_000, 6)
                .forEach(id -> organisation.contacts().markAsCustomer(id));

        xero.connect(practice, organisation.tenantId());
        var finished = finished(practice, Duration.ofMinutes(5));

        assertThat(finished.total()).isEqualTo(5_000);
        assertThat(finished.created()).isEqualTo(5_000);
        assertThat(finished.failed() + finished.needsReview() + finished.skipped())
                .isZero();
        assertSameAsXero(practice, organisation);
        assertThat(contacts.matchKeys(practice.id())).hasSize(5_000);
    }

    @Test
    void aContactEditedWhileTheImportIsBetweenPagesArrivesOnceWithItsNewValues() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Edited meanwhile");
        var simulator = TestXero.simulator();
        var ids = customersOverSeconds(organisation, "Meanwhile", 2_500);
        var early = ids.get(10);
        var before = requests(organisation);
        simulator.faults().next(1, "GET", CONTACTS, Fault.latency(Duration.ZERO));
        simulator.faults().next(1, "GET", CONTACTS, Fault.latency(Duration.ofSeconds(3)));

        xero.connect(practice, organisation.tenantId());
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(organisation) > before);
        organisation.contacts().update(early, ContactChanges.none().withEmail("changed.meanwhile@example.com"));
        var finished = finished(practice, Duration.ofMinutes(3));

        assertThat(finished.created()).isEqualTo(2_500);
        var link = links.findByXeroContact(practice.id(), organisation.tenantId(), early)
                .orElseThrow();
        assertThat(contacts.get(practice.id(), link.contactId()).billingEmail().map(EmailAddress::address))
                .contains("changed.meanwhile@example.com");
        assertSameAsXero(practice, organisation);
        // Distinct seconds: about one call per 1,000 contacts, plus the page that finds the end.
        assertThat(requests(organisation) - before).isBetween(3L, 5L);
    }

    /**
     * The contacts of every page but the last are matched while the read goes on (so that under Xero's
     * rate limit the matching fills the pauses between calls), yet the outcome is the one of matching
     * after the whole read: a contact with a Kontor candidate waits, because a rival may come later.
     */
    @Test
    void pagesBeforeTheLastAreMatchedDuringTheReadButARivalOnTheLastPageStillSendsTheFirstToReview() throws Exception {
        var practice = fixtures.newPractice();
        var inKontor = fixtures.organisation(practice, "Early Rival Ltd", "rival@example.com", null);
        var organisation = xero.newOrganisation("Alongside");
        var simulator = TestXero.simulator();
        // The same name and billing email as the Kontor contact, on the first page.
        var first = customer(organisation, "Early Rival Ltd", "rival@example.com");
        // 1,500 more: two pages, read in UpdatedDateUTC order.
        var ids = customersOverSeconds(organisation, "Alongside", 1_500);
        simulator.clock().advance(Duration.ofSeconds(1));
        // On the last page: another Xero contact with that billing email, a rival of the first.
        var rival = customer(organisation, "Early Rival Trading", "rival@example.com");
        var tenant = organisation.tenantId().toString();
        simulator.faults().nextFor(tenant, 1, "GET", CONTACTS, Fault.latency(Duration.ZERO));
        simulator.faults().nextFor(tenant, 1, "GET", CONTACTS, Fault.latency(Duration.ofSeconds(4)));

        xero.connect(practice, organisation.tenantId());

        // While Xero is slow to send the second page, the first page's new contacts are in Kontor.
        var duringTheRead = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.state() == ImportState.READING && run.created() == 999);
        assertThat(duringTheRead.pages()).isEqualTo(1);
        assertThat(duringTheRead.percent()).isBetween(50, 99);
        assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), ids.getFirst()))
                .isPresent();
        assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), first))
                .as("a contact with a Kontor candidate waits for the whole read")
                .isEmpty();

        var finished = finished(practice, Duration.ofMinutes(2));
        assertThat(finished.created()).isEqualTo(1_500);
        assertThat(finished.needsReview()).isEqualTo(2);
        assertThat(finished.applied()).isEqualTo(finished.toApply()).isEqualTo(1_502);
        assertThat(finished.linked() + finished.failed() + finished.skipped()).isZero();
        assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), first))
                .isEmpty();
        assertThat(reviews.list(practice.id()))
                .extracting(MatchReview::xeroContactId)
                .containsExactlyInAnyOrder(first, rival);
        assertThat(links.find(practice.id(), inKontor.id())).isEmpty();
        assertThat(contacts.matchKeys(practice.id())).hasSize(1_501);
    }

    /**
     * {@code count} customers named "{@code label} 0000 Ltd" and on, 100 to a second of UpdatedDateUTC,
     * so the cursor moves by second as it does on real data.
     */
    private static List<UUID> customersOverSeconds(SimOrganisation organisation, String label, int count) {
        var ids = new ArrayList<UUID>();
        for (var i = 0; i < count; i++) {
            if (i % 100 == 0) {
                TestXero.simulator().clock().advance(Duration.ofSeconds(1));
            }
            ids.add(customer(
                    organisation,
                    "%s %04d Ltd".formatted(label, i),
                    "%s%d@example.com".formatted(label.toLowerCase(Locale.ROOT), i)));
        }
        return ids;
    }

    private static UUID customer(SimOrganisation organisation, String name, String email) {
        return organisation
                .contacts()
                .create(ContactChanges.named(name).withEmail(email).asCustomer(true))
                .contactId();
    }

    private void assertSameAsXero(Fixtures.TestPractice practice, SimOrganisation organisation) {
        var seen = new HashSet<UUID>();
        for (SimContact inXero : organisation.contacts().list()) {
            var link = links.findByXeroContact(practice.id(), organisation.tenantId(), inXero.contactId())
                    .orElseThrow(() -> new AssertionError("Not imported: " + inXero.name()));
            assertThat(seen.add(link.contactId().value())).isTrue();
            var contact = contacts.get(practice.id(), link.contactId());
            assertThat(contact.name()).isEqualTo(inXero.name());
            assertThat(contact.billingEmail().map(EmailAddress::address).orElse(null))
                    .isEqualTo(inXero.emailAddress());
            var phone = inXero.phone("DEFAULT");
            assertThat(contact.primaryPhone().map(PhoneNumber::e164).orElse(null))
                    .isEqualTo(
                            phone == null || phone.number().isEmpty()
                                    ? null
                                    : "+" + phone.countryCode() + phone.areaCode() + phone.number());
            var person = inXero.firstName() != null
                    && inXero.lastName() != null
                    && (inXero.firstName() + " " + inXero.lastName()).equalsIgnoreCase(inXero.name());
            assertThat(contact.kind()).isEqualTo(person ? ContactKind.PERSON : ContactKind.ORGANISATION);
        }
        assertThat(seen).hasSize(organisation.contacts().count());
    }

    private long requests(SimOrganisation organisation) {
        var tenant = organisation.tenantId().toString();
        return TestXero.simulator().requestLog().entries("GET", CONTACTS).stream()
                .filter(request -> tenant.equals(request.header("xero-tenant-id")))
                .count();
    }

    private XeroImport finished(Fixtures.TestPractice practice, Duration atMost) {
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.state() == ImportState.FINISHED);
    }
}
