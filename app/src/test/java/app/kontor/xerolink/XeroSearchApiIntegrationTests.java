package app.kontor.xerolink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.xero.XeroFixtures;
import app.xerosim.ContactChanges;
import app.xerosim.ContactStatus;
import app.xerosim.Fault;
import app.xerosim.SimOrganisation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API twin of {@code Link existing…}: {@code POST /api/v1/contacts/{id}/xero/search} against the
 * test simulator, with the same answers as the section's search.
 */
@KontorIntegrationTest
class XeroSearchApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberFindsUnlinkedXeroContactsByNameWithTheirEmailAndStatus() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var word = "Matai" + unique();
        var active = organisation
                .contacts()
                .create(ContactChanges.named(word + " Holdings Ltd").withEmail("finance@matai.example"));
        var archived = organisation
                .contacts()
                .create(ContactChanges.named(word + " Old Trust").withStatus(ContactStatus.ARCHIVED));
        organisation.contacts().create(ContactChanges.named("Unrelated " + unique() + " Ltd"));
        var contact = fixtures.organisation(practice, "Matai Holdings " + unique());

        var found = search(practice.memberEmail(), contact.id().toString(), Map.of("q", "  " + word + " "))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.q").value(word))
                .andReturn();

        var candidates = json.readTree(found.getResponse().getContentAsString()).path("candidates");
        assertThat(names(candidates)).containsExactlyInAnyOrder(active.name(), archived.name());
        var first = byName(candidates, active.name());
        assertThat(first.path("xeroContactId").asString())
                .isEqualTo(active.contactId().toString());
        assertThat(first.path("emailAddress").asString()).isEqualTo("finance@matai.example");
        assertThat(first.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(byName(candidates, archived.name()).path("status").asString())
                .isEqualTo("ARCHIVED");
    }

    @Test
    void aXeroContactLinkedToAnotherKontorContactIsNotOffered() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var word = "Rimu" + unique();
        var taken = organisation.contacts().create(ContactChanges.named(word + " Timber Ltd"));
        var free = organisation.contacts().create(ContactChanges.named(word + " Joinery Ltd"));
        var linked = fixtures.organisation(practice, "Rimu Timber " + unique());
        mvc.perform(put("/api/v1/contacts/" + linked.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"xeroContactId\":\"" + taken.contactId() + "\"}"))
                .andExpect(status().isOk());
        var contact = fixtures.organisation(practice, "Rimu Joinery " + unique());

        var found = search(practice.memberEmail(), contact.id().toString(), Map.of("q", word))
                .andExpect(status().isOk())
                .andReturn();

        assertThat(names(json.readTree(found.getResponse().getContentAsString()).path("candidates")))
                .containsExactly(free.name());

        search(practice.memberEmail(), linked.id().toString(), Map.of("q", word))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/already-linked"));
    }

    @Test
    void aContactOfAnotherPracticeIsNotFound() throws Exception {
        var practice = fixtures.newPractice();
        connectedOrganisation(practice);
        var other = fixtures.newPractice();
        var theirs = fixtures.organisation(other, "Someone Else's Client " + unique());

        search(practice.adminEmail(), theirs.id().toString(), Map.of("q", "Client"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        search(practice.adminEmail(), "not-an-id", Map.of("q", "Client"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void anEmptyOrTooLongSearchIsRefusedWithoutAskingXero() throws Exception {
        var practice = fixtures.newPractice();
        connectedOrganisation(practice);
        var contact = fixtures.organisation(practice, "Validation Ltd " + unique());
        var id = contact.id().toString();
        var callsBefore = TestXero.simulator().requestLog().entries().size();

        search(practice.memberEmail(), id, Map.of("q", "   "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.detail").value("Enter part of a name or an email address to search for."));
        search(practice.memberEmail(), id, Map.of("q", "n".repeat(256)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.detail").value("Search for at most 255 characters."));
        search(practice.memberEmail(), id, Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value("Send q, the text to search for."));
        mvc.perform(post("/api/v1/contacts/" + id + "/xero/search")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));

        assertThat(TestXero.simulator().requestLog().entries()).hasSize(callsBefore);
    }

    @Test
    void notConnectedAndNeedsReconnectAreConflicts() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Offline Ltd " + unique());

        search(practice.memberEmail(), contact.id().toString(), Map.of("q", "Offline"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/not-connected"))
                .andExpect(jsonPath("$.detail").value("The practice is not connected to Xero; nothing was searched."));

        connectedOrganisation(practice);
        jdbc.sql("update xero_connections set status = 'NEEDS_RECONNECT' where practice_id = ?")
                .param(practice.id().value())
                .update();

        search(practice.memberEmail(), contact.id().toString(), Map.of("q", "Offline"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/not-connected"))
                .andExpect(jsonPath("$.detail").value(containsString("an admin needs to reconnect")));
    }

    @Test
    void xerosRateLimitIsA503WithRetryAfterAndTheSectionSaysSoToo() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = fixtures.organisation(practice, "Busy Search Ltd " + unique());
        rateLimitNextSearch(organisation);

        search(practice.memberEmail(), contact.id().toString(), Map.of("q", "Busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", matchesPattern("[0-9]+")))
                .andExpect(jsonPath("$.type").value("/problems/xero-busy"));

        rateLimitNextSearch(organisation);
        var section = Jsoup.parse(mvc.perform(post("/contacts/" + contact.id() + "/xero/search")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("q", "Busy"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(section.select(".status-line").text()).matches("Xero is busy for this organisation; .* \\d+ s\\.");
    }

    private void rateLimitNextSearch(SimOrganisation organisation) {
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "GET",
                        "/api.xro/2.0/Contacts",
                        Fault.rateLimited("minute", 30));
    }

    private ResultActions search(String email, String contactId, Map<String, String> body) throws Exception {
        return mvc.perform(post("/api/v1/contacts/" + contactId + "/xero/search")
                .with(fixtures.as(email))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private SimOrganisation connectedOrganisation(Fixtures.TestPractice practice) throws Exception {
        var organisation = xero.newOrganisation("Search Tests");
        xero.connectAndSettle(practice, organisation.tenantId());
        return organisation;
    }

    private static List<String> names(JsonNode candidates) {
        return candidates.valueStream().map(c -> c.path("name").asString()).toList();
    }

    private static JsonNode byName(JsonNode candidates, String name) {
        return candidates
                .valueStream()
                .filter(c -> c.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
