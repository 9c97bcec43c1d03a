package app.kontor.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.shared.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@KontorIntegrationTest
class ContactsApiIntegrationTests {

    private static final String KAURI = """
            {"type": "ORGANISATION", "name": "Kauri Coast Joinery Ltd",
             "emails": [{"label": "Accounts", "address": "accounts@kauri.example", "billing": true}],
             "phones": [{"label": "Office", "number": "09 439 1200", "primary": true}],
             "addresses": [{"label": "Postal", "line1": "12 Hokianga Road", "city": "Dargaville",
                            "country": "New Zealand", "billing": true}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    @Test
    void createsAContactWithLocationAndETag() throws Exception {
        var practice = fixtures.newPractice();

        var response = mvc.perform(post("/api/v1/contacts")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(KAURI))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/api/v1/contacts/")))
                .andExpect(jsonPath("$.name").value("Kauri Coast Joinery Ltd"))
                .andExpect(jsonPath("$.phones[0].number").value("+6494391200"))
                .andExpect(jsonPath("$.phones[0].display").value("+64 9 439 1200"))
                .andExpect(jsonPath("$.emails[0].billing").value(true))
                .andReturn()
                .getResponse();

        var id = response.getHeader("Location")
                .substring(response.getHeader("Location").lastIndexOf('/') + 1);
        assertThat(contacts.get(practice.id(), ContactId.parse(id).orElseThrow())
                        .billingAddress())
                .map(PostalAddress::city)
                .hasValue("Dargaville");
    }

    @Test
    void readsAContactWithItsETag() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Harbourside Dental", "billing@harbourside.example", null);

        mvc.perform(get("/api/v1/contacts/" + contact.id()).with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(contact.id().toString()))
                .andExpect(jsonPath("$.emails[0].address").value("billing@harbourside.example"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void listsAndSearchesWithPaging() throws Exception {
        var practice = fixtures.newPractice();
        fixtures.organisation(practice, "Harbourside Dental");
        fixtures.organisation(practice, "Tui & Fern Florists");
        fixtures.organisation(practice, "Fernhill Farms");

        mvc.perform(get("/api/v1/contacts")
                        .param("q", "fern")
                        .param("size", "1")
                        .with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Fernhill Farms"));
    }

    @Test
    void refusesAnUpdateWithoutIfMatch() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Harbourside Dental");

        mvc.perform(put("/api/v1/contacts/" + contact.id())
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(KAURI))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/precondition-required"));

        assertThat(contacts.get(practice.id(), contact.id()).name()).isEqualTo("Harbourside Dental");
    }

    @Test
    void refusesAStaleUpdate() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Harbourside Dental");
        contacts.update(practice.id(), contact.id(), 1, Fixtures.organisationInput("Changed Elsewhere", null, null));

        mvc.perform(put("/api/v1/contacts/" + contact.id())
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(KAURI))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.type").value("/problems/stale-version"));

        assertThat(contacts.get(practice.id(), contact.id()).name()).isEqualTo("Changed Elsewhere");
    }

    @Test
    void updatesFromTheCurrentETag() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Harbourside Dental");

        mvc.perform(put("/api/v1/contacts/" + contact.id())
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(KAURI))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("Kauri Coast Joinery Ltd"));
    }

    @Test
    void explainsEveryInvalidFieldAndSavesNothing() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(post("/api/v1/contacts")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "ORGANISATION", "name": "",
                                 "emails": [{"address": "nope", "billing": true}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter a name."))
                .andExpect(jsonPath("$.errors[1].field").value("emails[0].address"));

        assertThat(contacts.search(practice.id(), ContactSearch.firstPage()).totalItems())
                .isZero();
    }

    @Test
    void answersMalformedJsonWithAProblemAndNoStackTrace() throws Exception {
        var practice = fixtures.newPractice();

        var body = mvc.perform(post("/api/v1/contacts")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"ORGANISATION\", \"name\": [1, 2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("Exception").doesNotContain("at app.kontor");
    }

    @Test
    void rejectsAnUnknownFilterValue() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(get("/api/v1/contacts").param("status", "deleted").with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("'deleted' is not a valid status")));
    }

    @Test
    void archivesAndRestores() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Coastline Surf School");

        mvc.perform(post("/api/v1/contacts/" + contact.id() + "/archive")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));
        mvc.perform(post("/api/v1/contacts/" + contact.id() + "/restore")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(false))
                .andExpect(header().string("ETag", "\"3\""));
    }

    @Test
    void anUnknownContactIsAProblem404() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(get("/api/v1/contacts/" + ContactId.random()).with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void withoutASessionTheApiAnswers401AsAProblem() throws Exception {
        mvc.perform(get("/api/v1/contacts"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
    }

    @Test
    void theOpenApiDocumentDescribesTheContactsApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/contacts'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/contacts/{id}'].put").exists());
    }
}
