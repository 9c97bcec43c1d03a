package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.xero.internal.TokenCipher;
import app.kontor.xero.internal.XeroTokens;
import app.xerosim.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KontorIntegrationTest
class XeroTokensIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    XeroTokens tokens;

    @Autowired
    XeroConnections connections;

    @Autowired
    TokenCipher cipher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refreshesAnExpiredAccessTokenAndStoresTheNewPairFirst() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Refresh Ltd");
        xero.connect(practice, organisation.tenantId());
        var before = xero.storedAccessTokenCipher(practice);
        xero.expireAccessToken(practice);

        var token = tokens.accessToken(practice.id());

        assertThat(xero.storedAccessTokenCipher(practice)).isNotEqualTo(before);
        assertThat(cipher.decrypt(xero.storedAccessTokenCipher(practice))).isEqualTo(token);
        assertThat(organisationStatus(token, organisation.tenantId())).isEqualTo(200);
    }

    @Test
    void aHundredConcurrentCallersOnAnExpiredTokenShareOneRefresh() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Busy Ltd");
        xero.connect(practice, organisation.tenantId());
        xero.expireAccessToken(practice);
        var log = TestXero.simulator().requestLog();
        var refreshesBefore = log.entries("POST", "/connect/token").size();

        var results = new ArrayList<Future<String>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 100; i++) {
                results.add(threads.submit((Callable<String>) () -> tokens.accessToken(practice.id())));
            }
        }

        var handedOut = new java.util.HashSet<String>();
        for (var result : results) {
            handedOut.add(result.get());
        }
        var refreshes = log.entries("POST", "/connect/token")
                .subList(refreshesBefore, log.entries("POST", "/connect/token").size());
        assertThat(refreshes)
                .hasSize(1)
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        assertThat(handedOut).hasSize(1);
        assertThat(organisationStatus(handedOut.iterator().next(), organisation.tenantId()))
                .isEqualTo(200);
    }

    @Test
    void recoversWhenTheRefreshResponseIsLost() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Flaky Network Ltd");
        xero.connect(practice, organisation.tenantId());
        xero.expireAccessToken(practice);
        TestXero.simulator().faults().next(1, "POST", "/connect/token", Fault.commitThenDropResponse());

        var token = tokens.accessToken(practice.id());

        assertThat(organisationStatus(token, organisation.tenantId())).isEqualTo(200);
        assertThat(connections.find(practice.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void aRefreshTokenXeroRejectsMeansNeedsReconnect() throws Exception {
        var practice = fixtures.newPractice();
        xero.connect(practice, xero.newOrganisation("Revoked Ltd").tenantId());
        jdbc.sql("update xero_connections set refresh_token = ? where practice_id = ?")
                .params(
                        cipher.encrypt("a-refresh-token-xero-never-issued"),
                        practice.id().value())
                .update();
        xero.expireAccessToken(practice);

        assertThatThrownBy(() -> tokens.accessToken(practice.id())).isInstanceOf(XeroNeedsReconnectException.class);

        assertThat(connections.find(practice.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThatThrownBy(() -> tokens.accessToken(practice.id())).isInstanceOf(XeroNeedsReconnectException.class);
    }

    @Test
    void aPracticeThatNeverConnectedHasNoToken() {
        var practice = fixtures.newPractice();

        assertThatThrownBy(() -> tokens.accessToken(practice.id()))
                .isInstanceOf(XeroConnectionException.class)
                .hasMessage("This practice is not connected to Xero.");
    }

    private static int organisationStatus(String accessToken, UUID tenantId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(TestXero.simulator().baseUrl() + "/api.xro/2.0/Organisation"))
                .header("Authorization", "Bearer " + accessToken)
                .header("xero-tenant-id", tenantId.toString())
                .header("Accept", "application/json")
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
