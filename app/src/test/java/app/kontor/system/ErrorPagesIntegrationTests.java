package app.kontor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The container forwards errors to {@code /error}; these requests do what that forward does. */
@KontorIntegrationTest
class ErrorPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void aMissingPageIsAFriendly404WithAWayBack() throws Exception {
        var practice = fixtures.newPractice();

        var page = Jsoup.parse(mvc.perform(error(404, "/contacts/nope")
                        .with(fixtures.as(practice.memberEmail()))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("We can't find that page");
        assertThat(page.select("main a[href=/contacts]").text()).isEqualTo("Go to your contacts");
        assertThat(page.select(".who .practice").text())
                .isEqualTo(practice.practice().name());
    }

    @Test
    void aForbiddenPageExplainsTheRole() throws Exception {
        var practice = fixtures.newPractice();

        var body = mvc.perform(error(403, "/settings/users")
                        .with(fixtures.as(practice.memberEmail()))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(body).select("h1").text()).isEqualTo("You don't have access to this page");
    }

    @Test
    void anUnexpectedErrorShowsNoStackTrace() throws Exception {
        var body = mvc.perform(error(500, "/contacts")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isInternalServerError())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(body).select("h1").text()).isEqualTo("Something went wrong on our side");
        assertThat(body).doesNotContain("secret detail").doesNotContain("IllegalStateException");
    }

    @Test
    void apiClientsGetProblemDetails() throws Exception {
        mvc.perform(error(404, "/api/v1/nothing").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing"));
    }

    @Test
    void problemTypesAreDocumentedAtTheirUris() throws Exception {
        var body = mvc.perform(get("/problems/stale-version"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(body).select("dt").text()).contains("/problems/stale-version");
        mvc.perform(get("/problems/no-such-type")).andExpect(status().isNotFound());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder error(
            int status, String uri) {
        return get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri);
    }
}
