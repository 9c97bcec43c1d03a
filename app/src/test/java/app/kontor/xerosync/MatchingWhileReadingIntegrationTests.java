package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.ContactDirectory;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.XeroLinks;
import app.xerosim.ContactChanges;
import app.xerosim.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contacts of every page but the last are matched while the read goes on (so that under Xero's
 * rate limit the matching fills the pauses between calls), yet the outcome is the one of matching
 * after the whole read: a contact with a Kontor candidate waits, because a rival may come later.
 */
@KontorIntegrationTest
class MatchingWhileReadingIntegrationTests {

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
    void pagesBeforeTheLastAreMatchedDuringTheReadButARivalOnTheLastPageStillSendsTheFirstToReview() throws Exception {
        var practice = fixtures.newPractice();
        var inKontor = fixtures.organisation(practice, "Early Rival Ltd", "rival@example.com", null);
        var organisation = xero.newOrganisation("Alongside");
        var simulator = TestXero.simulator();
        // The same name and billing email as the Kontor contact, on the first page.
        var first = organisation
                .contacts()
                .create(ContactChanges.named("Early Rival Ltd")
                        .withEmail("rival@example.com")
                        .asCustomer(true))
                .contactId();
        var ids = new ArrayList<UUID>();
        // 1,500 more over 15 seconds: two pages, read in UpdatedDateUTC order.
        for (var i = 0; i < 1_500; i++) {
            if (i % 100 == 0) {
                simulator.clock().advance(Duration.ofSeconds(1));
            }
            ids.add(organisation
                    .contacts()
                    .create(ContactChanges.named("Alongside %04d Ltd".formatted(i))
                            .withEmail("alongside%d@example.com".formatted(i))
                            .asCustomer(true))
                    .contactId());
        }
        simulator.clock().advance(Duration.ofSeconds(1));
        // On the last page: another Xero contact with that billing email, a rival of the first.
        var rival = organisation
                .contacts()
                .create(ContactChanges.named("Early Rival Trading")
                        .withEmail("rival@example.com")
                        .asCustomer(true))
                .contactId();
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

        var finished = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.state() == ImportState.FINISHED);
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
}
