package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.Fixtures;
import app.kontor.KontorApplication;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.xero.internal.XeroTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Two Kontor servers on one database refresh an expired token once between them: the refreshing
 * thread of each locks the connection row and re-reads it, so the second finds the new token.
 */
@KontorIntegrationTest
class TwoServersIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    XeroTokens tokens;

    @Test
    void twoServersRefreshAnExpiredTokenOnce() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Two Servers Ltd");
        xero.connect(practice, organisation.tenantId());
        xero.expireAccessToken(practice);
        var log = TestXero.simulator().requestLog();
        var refreshesBefore = log.entries("POST", "/connect/token").size();

        try (var secondServer = new SpringApplicationBuilder(KontorApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                // A second server on its own port and the same database, whose schema is migrated already.
                .properties("spring.flyway.enabled=false", "server.port=0")
                .run()) {
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
