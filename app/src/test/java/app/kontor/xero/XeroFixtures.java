package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kontor.Fixtures;
import app.kontor.TestXero;
import app.xerosim.SimOrganisation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A practice connected to a fresh organisation of the test simulator, through the real consent flow. */
@TestComponent
public class XeroFixtures {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final XeroConnections connections;
    private final JdbcClient jdbc;

    XeroFixtures(MockMvc mvc, Fixtures fixtures, XeroConnections connections, JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.connections = connections;
        this.jdbc = jdbc;
    }

    public SimOrganisation newOrganisation(String name) {
        return TestXero.simulator()
                .organisations()
                .create(name + " " + UUID.randomUUID().toString().substring(0, 6));
    }

    public void connect(Fixtures.TestPractice practice, UUID tenantId) throws Exception {
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));
        flow.returnTo(flow.consent(flow.start(), "allow", tenantId));
        assertThat(connections.find(practice.id()))
                .hasValueSatisfying(c -> assertThat(c.isConnected()).isTrue());
    }

    /**
     * Connects, then waits until the import that connecting starts has finished, so a test that injects a
     * fault for this organisation's next call is not answered by the import's own calls instead.
     */
    public void connectAndSettle(Fixtures.TestPractice practice, UUID tenantId) throws Exception {
        connect(practice, tenantId);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from xero_imports where practice_id = ? and state in"
                                                + " ('READING', 'MATCHING')")
                                        .param(practice.id().value())
                                        .query(Integer.class)
                                        .single()
                                == 0
                        && jdbc.sql("select count(*) from xero_imports where practice_id = ?")
                                        .param(practice.id().value())
                                        .query(Integer.class)
                                        .single()
                                > 0);
    }

    /** Makes Kontor believe the access token has expired, as it would 30 minutes after a refresh. */
    public void expireAccessToken(Fixtures.TestPractice practice) {
        jdbc.sql("update xero_connections set access_expires_at = ? where practice_id = ?")
                .params(
                        OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC),
                        practice.id().value())
                .update();
    }

    public String storedAccessTokenCipher(Fixtures.TestPractice practice) {
        return jdbc.sql("select access_token from xero_connections where practice_id = ?")
                .param(practice.id().value())
                .query(String.class)
                .single();
    }
}
