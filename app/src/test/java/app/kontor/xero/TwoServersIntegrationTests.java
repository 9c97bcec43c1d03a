package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.Fixtures;
import app.kontor.KontorApplication;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.ContactDirectory;
import app.kontor.practice.Practices;
import app.kontor.xero.internal.XeroTokens;
import app.kontor.xerolink.XeroClientActions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Kontor servers on one database: they refresh an expired token once between them (the
 * refreshing thread of each locks the connection row and re-reads it), and a Create Contact pressed
 * on both creates one Xero contact (the pending-request row is unique per contact).
 */
@KontorIntegrationTest
class TwoServersIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    XeroTokens tokens;

    @Autowired
    XeroClientActions actions;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    Practices practices;

    /** A second server on its own port and the same database, whose schema is migrated already. */
    private static ConfigurableApplicationContext secondServer() {
        return new SpringApplicationBuilder(KontorApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .properties("spring.flyway.enabled=false", "server.port=0")
                .run();
    }

    @Test
    void createContactOnTwoServersAtOnceMakesOneXeroContact() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Two Servers Create");
        xero.connect(practice, organisation.tenantId());
        var contact = contacts.create(
                practice.id(), Fixtures.organisationInput("Both Servers Ltd " + organisation.shortCode(), null, null));
        var user = practices.loadUserByUsername(practice.memberEmail()).user();

        try (var secondServer = secondServer()) {
            var otherActions = secondServer.getBean(XeroClientActions.class);
            var results = new ArrayList<Future<?>>();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var i = 0; i < 6; i++) {
                    var server = i % 2 == 0 ? actions : otherActions;
                    results.add(threads.submit(() -> server.createContact(user, contact.id(), false, null)));
                }
            }
            for (var result : results) {
                result.get();
            }
        }

        assertThat(organisation.contacts().list().stream()
                        .filter(c -> c.name().equals(contact.name()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void twoServersRefreshAnExpiredTokenOnce() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Two Servers Ltd");
        xero.connect(practice, organisation.tenantId());
        xero.expireAccessToken(practice);
        var log = TestXero.simulator().requestLog();
        var refreshesBefore = log.entries("POST", "/connect/token").size();

        try (var secondServer = secondServer()) {
            var otherTokens = secondServer.getBean(XeroTokens.class);
            var results = new ArrayList<Future<String>>();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var i = 0; i < 40; i++) {
                    var server = i % 2 == 0 ? tokens : otherTokens;
                    results.add(threads.submit((Callable<String>) () -> server.accessToken(practice.id())));
                }
            }
            var handedOut = new HashSet<String>();
            for (var result : results) {
                handedOut.add(result.get());
            }

            var all = log.entries("POST", "/connect/token");
            assertThat(all.subList(refreshesBefore, all.size())).hasSize(1);
            assertThat(handedOut).hasSize(1);
        }
    }
}
