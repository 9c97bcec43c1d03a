package app.kontor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import app.kontor.contacts.ContactDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Signed in to practice A, every contact page and API call on practice B's ids is a 404 and changes nothing. */
@KontorIntegrationTest
class TenantIsolationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    @Test
    void everyContactPageAndApiCallOnAnotherPracticesContactIsNotFound() throws Exception {
        var practiceA = fixtures.newPractice();
        var practiceB = fixtures.newPractice();
        var theirs = fixtures.organisation(practiceB, "Practice B Client Ltd", "b@client.example", "09 302 4455");
        var id = theirs.id().toString();
        var body = "{\"type\":\"ORGANISATION\",\"name\":\"Hijacked\"}";

        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/contacts/" + id),
                get("/contacts/" + id + "/edit"),
                post("/contacts/" + id + "/edit").param("kind", "ORGANISATION").param("name", "Hijacked"),
                post("/contacts/" + id + "/archive").param("version", "1"),
                post("/contacts/" + id + "/restore").param("version", "1"),
                post("/contacts/" + id + "/emails/0/main").param("version", "1"),
                post("/contacts/" + id + "/phones/0/main").param("version", "1"),
                post("/contacts/" + id + "/addresses/0/main").param("version", "1"),
                get("/api/v1/contacts/" + id),
                put("/api/v1/contacts/" + id)
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                post("/api/v1/contacts/" + id + "/archive"),
                post("/api/v1/contacts/" + id + "/restore"));

        for (var request : requests) {
            for (var user : List.of(practiceA.adminEmail(), practiceA.memberEmail())) {
                var status = mvc.perform(request.with(fixtures.as(user)).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status).as("%s as %s", describe(request), user).isEqualTo(404);
            }
        }

        assertThat(contacts.get(practiceB.id(), theirs.id())).isEqualTo(theirs);
    }

    @Test
    void listsAndSearchesShowOnlyTheOwnPractice() throws Exception {
        var practiceA = fixtures.newPractice();
        var practiceB = fixtures.newPractice();
        fixtures.organisation(practiceB, "Secret Client of B");

        var page = mvc.perform(get("/contacts").param("q", "Secret").with(fixtures.as(practiceA.adminEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var api = mvc.perform(get("/api/v1/contacts").param("q", "Secret").with(fixtures.as(practiceA.adminEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain("Secret Client of B");
        assertThat(api).contains("\"totalItems\":0").doesNotContain("Secret Client of B");
    }

    private static String describe(MockHttpServletRequestBuilder request) {
        var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        return built.getMethod() + " " + built.getRequestURI();
    }
}
