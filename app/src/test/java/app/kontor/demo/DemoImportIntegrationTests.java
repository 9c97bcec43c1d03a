package app.kontor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactMatchKey;
import app.kontor.shared.ContactId;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.XeroLinks;
import app.kontor.xerosync.ImportState;
import app.kontor.xerosync.MatchReview;
import app.kontor.xerosync.MatchReviews;
import app.kontor.xerosync.XeroImports;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo practice's contacts and the simulator's demo organisation together: one connect shows
 * every import outcome (issue 6 item 5), which the browser walkthrough relies on.
 */
@KontorIntegrationTest
class DemoImportIntegrationTests {

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
    void oneDemoConnectLinksQueuesForReviewCreatesAndLeavesContactsForCreateContact() throws Exception {
        var practice = fixtures.newPractice();
        DemoContacts.all().forEach(input -> contacts.create(practice.id(), input));
        var organisation = TestXero.simulator().organisations().createDemoOrganisation();

        xero.connect(practice, organisation.tenantId());
        var finished = await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.state() == ImportState.FINISHED);

        assertThat(finished.linked()).isGreaterThanOrEqualTo(2);
        assertThat(finished.created()).isGreaterThan(10);
        assertThat(finished.failed()).isZero();
        assertThat(links.find(practice.id(), contact(practice, "Hiroshi Tanaka")))
                .isPresent();
        assertThat(links.find(practice.id(), contact(practice, "Summit Legal Partners")))
                .isPresent();
        assertThat(reviews.list(practice.id()))
                .extracting(review -> review.xero().name())
                .contains("Zoë Ångström", "Kea Digital Ltd");
        assertThat(reviews.list(practice.id()))
                .flatExtracting(MatchReview::candidates)
                .extracting(MatchReview.Candidate::contactId)
                .contains(contact(practice, "Kea Digital Ltd"));
        assertThat(links.find(practice.id(), contact(practice, "Kauri Coast Joinery Ltd")))
                .isEmpty();
        assertThat(links.find(practice.id(), contact(practice, "Kea Digital Ltd")))
                .isEmpty();
    }

    private ContactId contact(Fixtures.TestPractice practice, String name) {
        return contacts.matchKeys(practice.id()).stream()
                .filter(key -> key.name().equals(name))
                .map(ContactMatchKey::id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No Kontor contact named " + name));
    }
}
