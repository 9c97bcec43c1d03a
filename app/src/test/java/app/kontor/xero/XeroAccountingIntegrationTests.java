package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.xero.internal.TokenCipher;
import app.xerosim.Fault;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@KontorIntegrationTest
class XeroAccountingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    XeroAccounting accounting;

    @Autowired
    XeroConnections connections;

    @Autowired
    TokenCipher cipher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readsTheOrganisationWithARefreshWhenXeroRejectsTheToken() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Rejected Token Ltd");
        xero.connect(practice, organisation.tenantId());
        // Kontor thinks its token is good for half an hour; Xero does not know it.
        jdbc.sql("update xero_connections set access_token = ? where practice_id = ?")
                .params(
                        cipher.encrypt("a-token-xero-never-issued"),
                        practice.id().value())
                .update();

        var described = accounting.organisation(practice.id());

        assertThat(described).isEqualTo(new XeroOrganisation(organisation.name(), organisation.shortCode()));
        assertThat(cipher.decrypt(xero.storedAccessTokenCipher(practice))).isNotEqualTo("a-token-xero-never-issued");
    }

    @Test
    void aMinuteLimitIsWaitedOutAndTheCallSucceeds() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Minute Limit Ltd");
        xero.connect(practice, organisation.tenantId());
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "GET",
                        "/api.xro/2.0/Organisation",
                        Fault.rateLimited("minute", 1));
        var before = Instant.now();

        var described = accounting.organisation(practice.id());

        assertThat(described.name()).isEqualTo(organisation.name());
        assertThat(java.time.Duration.between(before, Instant.now()))
                .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(1));
    }

    @Test
    void aDayLimitPausesCallsToTheOrganisationWithoutCallingXeroAgain() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Day Limit Ltd");
        xero.connect(practice, organisation.tenantId());
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "GET",
                        "/api.xro/2.0/Organisation",
                        Fault.rateLimited("day", 7200));

        assertThatThrownBy(() -> accounting.organisation(practice.id()))
                .isInstanceOfSatisfying(XeroRateLimitedException.class, limited -> {
                    assertThat(limited.limit()).isEqualTo(XeroRateLimitedException.Limit.DAY);
                    assertThat(limited.retryAt()).isAfter(Instant.now().plusSeconds(7000));
                });
        var callsBefore = TestXero.simulator()
                .requestLog()
                .entries("GET", "/api.xro/2.0/Organisation")
                .size();
        assertThatThrownBy(() -> accounting.organisation(practice.id())).isInstanceOf(XeroRateLimitedException.class);

        assertThat(TestXero.simulator().requestLog().entries("GET", "/api.xro/2.0/Organisation"))
                .hasSize(callsBefore);
    }

    @Test
    void adminsPauseAndResumeSyncAndTheStatusSaysPaused() throws Exception {
        var practice = fixtures.newPractice();
        xero.connect(practice, xero.newOrganisation("Pause Ltd").tenantId());

        mvc.perform(post("/settings/integrations/xero/pause")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/integrations/xero/pause")
                .with(fixtures.as(practice.adminEmail()))
                .with(csrf()));

        assertThat(connections.find(practice.id()).orElseThrow().statusLabel()).isEqualTo("Paused");
        mvc.perform(get("/api/v1/xero/connection").with(fixtures.as(practice.memberEmail())))
                .andExpect(jsonPath("$.statusLabel").value("Paused"))
                .andExpect(jsonPath("$.paused").value(true));
        mvc.perform(post("/api/v1/xero/connection/resume")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("Connected"));
    }

    @Test
    void adminsSeeAReconnectBannerOnEveryPageWhenXeroRejectsKontor() throws Exception {
        var practice = fixtures.newPractice();
        xero.connect(practice, xero.newOrganisation("Banner Ltd").tenantId());
        jdbc.sql("update xero_connections set status = 'NEEDS_RECONNECT' where practice_id = ?")
                .param(practice.id().value())
                .update();

        var adminPage = Jsoup.parse(mvc.perform(get("/contacts").with(fixtures.as(practice.adminEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var memberPage = Jsoup.parse(mvc.perform(get("/contacts").with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(adminPage.select(".banner[role=alert] button").text()).isEqualTo("Reconnect");
        assertThat(adminPage.select(".banner form").attr("action")).isEqualTo("/settings/integrations/xero/connect");
        assertThat(memberPage.select(".banner")).isEmpty();
    }
}
