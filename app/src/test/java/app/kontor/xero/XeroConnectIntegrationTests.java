package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KontorIntegrationTest
class XeroConnectIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    XeroFixtures xero;

    @Autowired
    app.kontor.xero.internal.TokenCipher cipher;

    @Autowired
    app.kontor.xero.internal.XeroTokens tokens;

    @Test
    void anAdminConnectsThePracticeToTheOrganisationTheyAllowed() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = TestXero.simulator().organisations().create("Kauri Advisory " + unique());
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));

        var authorize = flow.start();
        var params = ConsentFlow.query(authorize);
        assertThat(params.get("scope").split(" "))
                .containsExactlyInAnyOrder(
                        "openid",
                        "profile",
                        "email",
                        "offline_access",
                        "accounting.contacts",
                        "accounting.settings.read");
        assertThat(params).containsKeys("state", "nonce").containsEntry("client_id", TestXero.CLIENT_ID);
        var landed = flow.returnTo(flow.consent(authorize, "allow", organisation.tenantId()));

        assertThat(landed.path()).isEqualTo("/settings/integrations/xero");
        assertThat(landed.html()).contains("Connected to " + organisation.name() + ".");
        var connection = connections.find(practice.id()).orElseThrow();
        assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(connection.tenantId()).isEqualTo(organisation.tenantId());
        assertThat(connection.organisationName()).isEqualTo(organisation.name());
        assertThat(connection.shortCode()).isEqualTo(organisation.shortCode());
        assertThat(connection.connectedBy()).startsWith("Admin ");
        var page = settingsPage(practice.memberEmail());
        assertThat(page).contains("Connected", organisation.name()).doesNotContain("Disconnect");
    }

    @Test
    void storesTokensOnlyEncrypted() throws Exception {
        var practice = fixtures.newPractice();
        xero.connect(
                practice,
                TestXero.simulator()
                        .organisations()
                        .create("Totara Books " + unique())
                        .tenantId());

        var stored = jdbc.sql("select access_token, refresh_token from xero_connections where practice_id = ?")
                .param(practice.id().value())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var pending = jdbc
                .sql("select access_token, refresh_token from xero_consents")
                .query((rs, row) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .flatMap(java.util.List::stream)
                .filter(java.util.Objects::nonNull)
                .toList();
        var pendingOfThisPractice = jdbc.sql("select count(*) from xero_consents where practice_id = ?")
                .param(practice.id().value())
                .query(Long.class)
                .single();

        // The plaintext of each stored value is a token Xero issued; the stored value never contains it.
        assertThat(stored).allSatisfy(value -> {
            assertThat(value).startsWith("v1:test1:");
            var plain = cipher.decrypt(value);
            assertThat(plain).isNotBlank();
            assertThat(value).doesNotContain(plain);
        });
        assertThat(cipher.decrypt(stored[0])).as("the access token is a JWT").startsWith("eyJ");
        assertThat(pending).allSatisfy(value -> assertThat(value).doesNotContain(cipher.decrypt(value)));
        assertThat(pendingOfThisPractice).as("a finished consent is not kept").isZero();
    }

    @Test
    void asksWhichOrganisationWhenSeveralWereAllowedAndLetsGoOfTheOthers() throws Exception {
        var practice = fixtures.newPractice();
        var first = TestXero.simulator().organisations().create("Pohutukawa Ltd " + unique());
        var second = TestXero.simulator().organisations().create("Rimu Holdings " + unique());
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));

        var landed = flow.returnTo(flow.consent(flow.start(), "allow", first.tenantId(), second.tenantId()));

        assertThat(landed.path()).isEqualTo("/settings/integrations/xero/choose");
        assertThat(Jsoup.parse(landed.html()).select("input[name=tenantId]"))
                .extracting(input -> input.val())
                .containsExactlyInAnyOrder(
                        first.tenantId().toString(), second.tenantId().toString());
        assertThat(connections.find(practice.id())).isEmpty();

        flow.perform(post(landed.path())
                .with(csrf())
                .param("tenantId", second.tenantId().toString()));

        assertThat(connections.find(practice.id()).orElseThrow().tenantId()).isEqualTo(second.tenantId());
        assertThat(TestXero.simulator()
                        .requestLog()
                        .entries(entry ->
                                entry.method().equals("DELETE") && entry.path().startsWith("/connections/")))
                .as("the connection to the organisation not chosen is removed")
                .isNotEmpty();
    }

    @Test
    void cancellingAtXeroConnectsNothingAndSaysSo() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = TestXero.simulator().organisations().create("Cancelled Co " + unique());
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));

        var landed = flow.returnTo(flow.consent(flow.start(), "deny", organisation.tenantId()));

        assertThat(landed.path()).isEqualTo("/settings/integrations/xero");
        assertThat(connections.find(practice.id())).isEmpty();
        assertThat(landed.html()).contains("You cancelled at Xero, so nothing was connected.");
    }

    @Test
    void aForgedStateIsRefusedAndChangesNothing() throws Exception {
        var practice = fixtures.newPractice();
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));
        flow.start();

        var landed = flow.returnTo(java.net.URI.create(
                "http://localhost/settings/integrations/xero/callback?code=stolen-code&state=forged-state"));

        assertThat(landed.path()).isEqualTo("/settings/integrations/xero");
        assertThat(connections.find(practice.id())).isEmpty();
        assertThat(landed.html()).contains("does not belong to a connection started in this browser");
    }

    @Test
    void reconnectingTheSameOrganisationNeedsNoQuestions() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Back Again Ltd");
        xero.connect(practice, organisation.tenantId());
        mvc.perform(post("/settings/integrations/xero/disconnect")
                .with(fixtures.as(practice.adminEmail()))
                .with(csrf()));

        xero.connect(practice, organisation.tenantId());

        assertThat(connections.find(practice.id()).orElseThrow().tenantId()).isEqualTo(organisation.tenantId());
    }

    @Test
    void connectingADifferentOrganisationAsksForConfirmation() throws Exception {
        var practice = fixtures.newPractice();
        var before = xero.newOrganisation("First Books Ltd");
        xero.connect(practice, before.tenantId());
        mvc.perform(post("/settings/integrations/xero/disconnect")
                .with(fixtures.as(practice.adminEmail()))
                .with(csrf()));
        var other = xero.newOrganisation("Second Books Ltd");
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));

        var landed = flow.returnTo(flow.consent(flow.start(), "allow", other.tenantId()));

        assertThat(landed.path()).isEqualTo("/settings/integrations/xero/choose");
        assertThat(landed.html()).contains("This practice was connected to " + before.name());
        var unconfirmed = flow.perform(post(landed.path())
                .with(csrf())
                .param("tenantId", other.tenantId().toString()));
        assertThat(unconfirmed.getRedirectedUrl()).isEqualTo("/settings/integrations/xero/choose");
        assertThat(connections.find(practice.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);

        flow.perform(post(landed.path())
                .with(csrf())
                .param("tenantId", other.tenantId().toString())
                .param("replacePrevious", "true"));

        var connection = connections.find(practice.id()).orElseThrow();
        assertThat(connection.tenantId()).isEqualTo(other.tenantId());
        assertThat(connection.isConnected()).isTrue();
    }

    @Test
    void aReplayedAnswerFromXeroChangesNothing() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Replay Ltd");
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));
        var answer = flow.consent(flow.start(), "allow", organisation.tenantId());
        flow.returnTo(answer);
        var connectedAt = connections.find(practice.id()).orElseThrow().connectedAt();

        var replayed = flow.returnTo(answer);

        assertThat(replayed.html()).contains("does not belong to a connection started in this browser");
        assertThat(connections.find(practice.id()).orElseThrow().connectedAt()).isEqualTo(connectedAt);
    }

    @Test
    void aFailingTokenEndpointIsExplainedAndNothingIsSaved() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Token Trouble Ltd");
        var flow = new ConsentFlow(mvc, fixtures.as(practice.adminEmail()));
        var answer = flow.consent(flow.start(), "allow", organisation.tenantId());
        TestXero.simulator().faults().next(1, "POST", "/connect/token", app.xerosim.Fault.serviceUnavailable());

        var landed = flow.returnTo(answer);

        assertThat(landed.path()).isEqualTo("/settings/integrations/xero");
        assertThat(landed.html()).contains("Nothing was connected");
        assertThat(connections.find(practice.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from xero_consents where practice_id = ?")
                        .param(practice.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMemberCannotStartOrFinishAConnection() throws Exception {
        var practice = fixtures.newPractice();

        var connect = mvc.perform(post("/settings/integrations/xero/connect")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        var authorize = mvc.perform(get("/oauth2/authorization/xero").with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse();

        assertThat(connect.getStatus()).isEqualTo(403);
        assertThat(authorize.getStatus()).isEqualTo(403);
        assertThat(connections.find(practice.id())).isEmpty();
    }

    @Test
    void anOrganisationConnectedToAnotherPracticeIsRefused() throws Exception {
        var organisation = TestXero.simulator().organisations().create("Shared Org " + unique());
        var first = fixtures.newPractice();
        xero.connect(first, organisation.tenantId());
        var second = fixtures.newPractice();
        var flow = new ConsentFlow(mvc, fixtures.as(second.adminEmail()));

        var landed = flow.returnTo(flow.consent(flow.start(), "allow", organisation.tenantId()));

        assertThat(connections.find(second.id())).isEmpty();
        assertThat(landed.html()).contains("already connected to another Kontor practice");
        assertThat(connections.find(first.id()).orElseThrow().isConnected()).isTrue();
    }

    @Test
    void disconnectingRemovesTheConnectionRevokesAccessAndForgetsTheTokens() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = TestXero.simulator().organisations().create("Leaving Ltd " + unique());
        xero.connect(practice, organisation.tenantId());
        var before = TestXero.simulator().requestLog().entries().size();

        mvc.perform(post("/settings/integrations/xero/disconnect")
                .with(fixtures.as(practice.adminEmail()))
                .with(csrf()));

        var connection = connections.find(practice.id()).orElseThrow();
        assertThat(connection.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        var calls = TestXero.simulator()
                .requestLog()
                .entries()
                .subList(before, TestXero.simulator().requestLog().entries().size());
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("DELETE");
            assertThat(call.path()).startsWith("/connections/");
            assertThat(call.status()).isEqualTo(204);
        });
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.path()).isEqualTo("/connect/revocation");
            assertThat(call.status()).isEqualTo(200);
        });
        var tokens = jdbc.sql(
                        "select count(*) from xero_connections where practice_id = ? and access_token is null and refresh_token is null")
                .param(practice.id().value())
                .query(Long.class)
                .single();
        assertThat(tokens).isEqualTo(1);
        assertThat(settingsPage(practice.adminEmail())).contains("Reconnect");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noTokenIsLoggedWhileConnectingRefreshingAndDisconnecting(CapturedOutput output) throws Exception {
        var practice = fixtures.newPractice();
        xero.connect(practice, xero.newOrganisation("Quiet Logs Ltd").tenantId());
        var issued = jdbc.sql("select access_token, refresh_token from xero_connections where practice_id = ?")
                .param(practice.id().value())
                .query((rs, row) -> new String[] {cipher.decrypt(rs.getString(1)), cipher.decrypt(rs.getString(2))})
                .single();
        xero.expireAccessToken(practice);
        var refreshed = tokens.accessToken(practice.id());
        mvc.perform(post("/settings/integrations/xero/disconnect")
                .with(fixtures.as(practice.adminEmail()))
                .with(csrf()));

        assertThat(output.getAll())
                .doesNotContain(issued[0])
                .doesNotContain(issued[1])
                .doesNotContain(refreshed);
    }

    @Test
    void theApiReportsTheStatusAndLetsOnlyAdminsDisconnect() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Api Ltd");
        xero.connect(practice, organisation.tenantId());

        mvc.perform(get("/api/v1/xero/connection").with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONNECTED"))
                .andExpect(jsonPath("$.organisationName").value(organisation.name()))
                .andExpect(jsonPath("$.shortCode").value(organisation.shortCode()));
        mvc.perform(post("/api/v1/xero/connection/disconnect")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/xero/connection/disconnect")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISCONNECTED"));
    }

    private String settingsPage(String email) throws Exception {
        return mvc.perform(get("/settings/integrations/xero").with(fixtures.as(email)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
