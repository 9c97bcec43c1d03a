package app.kontor.xero.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KontorIntegrationTest
class XeroKeepAliveIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    ConnectionRows connections;

    @Autowired
    XeroConnections xeroConnections;

    @Autowired
    XeroTokens tokens;

    @Autowired
    TokenCipher cipher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void refreshesAConnectionIdleForAWeekAndLeavesRecentOnesAlone() throws Exception {
        var idle = fixtures.newPractice();
        xero.connect(idle, xero.newOrganisation("Quiet Practice Ltd").tenantId());
        var busy = fixtures.newPractice();
        xero.connect(busy, xero.newOrganisation("Busy Practice Ltd").tenantId());
        lastRefreshed(idle, Instant.now().minus(8, ChronoUnit.DAYS));
        var idleToken = accessToken(idle);
        var busyToken = accessToken(busy);

        XeroKeepAlive.refreshIdleConnections(connections, tokens, clock);

        assertThat(accessToken(idle)).isNotEqualTo(idleToken);
        assertThat(accessToken(busy)).isEqualTo(busyToken);
        assertThat(connections.dueForKeepAlive(Instant.now().minus(7, ChronoUnit.DAYS)))
                .doesNotContain(idle.id(), busy.id());
        assertThat(xeroConnections.find(idle.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void aRevokedConnectionBecomesNeedsReconnectWithoutStoppingTheOthers() throws Exception {
        var revoked = fixtures.newPractice();
        xero.connect(revoked, xero.newOrganisation("Revoked Practice Ltd").tenantId());
        var fine = fixtures.newPractice();
        xero.connect(fine, xero.newOrganisation("Fine Practice Ltd").tenantId());
        jdbc.sql("update xero_connections set refresh_token = ? where practice_id = ?")
                .params(cipher.encrypt("revoked-refresh-token"), revoked.id().value())
                .update();
        lastRefreshed(revoked, Instant.now().minus(8, ChronoUnit.DAYS));
        lastRefreshed(fine, Instant.now().minus(8, ChronoUnit.DAYS));
        var fineToken = accessToken(fine);

        XeroKeepAlive.refreshIdleConnections(connections, tokens, clock);

        assertThat(xeroConnections.find(revoked.id()).orElseThrow().status())
                .isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(accessToken(fine)).isNotEqualTo(fineToken);
    }

    @Test
    void theKeepAliveIsScheduledInTheDatabase() {
        var scheduled = jdbc.sql("select count(*) from scheduled_tasks where task_name = ?")
                .param(XeroKeepAlive.TASK)
                .query(Long.class)
                .single();

        assertThat(scheduled).isEqualTo(1);
    }

    private void lastRefreshed(Fixtures.TestPractice practice, Instant when) {
        jdbc.sql("update xero_connections set refreshed_at = ? where practice_id = ?")
                .params(
                        OffsetDateTime.ofInstant(when, ZoneOffset.UTC),
                        practice.id().value())
                .update();
    }

    private String accessToken(Fixtures.TestPractice practice) {
        return cipher.decrypt(jdbc.sql("select access_token from xero_connections where practice_id = ?")
                .param(practice.id().value())
                .query(String.class)
                .single());
    }
}
