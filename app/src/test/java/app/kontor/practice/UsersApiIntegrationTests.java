package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/users} and {@code /api/v1/account}, driven with API tokens as a script would. */
@KontorIntegrationTest
class UsersApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Practices practices;

    @Test
    void anAdminListsAddsAndManagesUsers() throws Exception {
        var practice = fixtures.newPractice();
        var admin = fixtures.apiToken(practice.adminEmail());
        var email = "api-" + UUID.randomUUID() + "@example.com";

        mvc.perform(as(admin, get("/api/v1/users")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].email", hasItem(practice.memberEmail())));
        var added = mvc.perform(as(admin, post("/api/v1/users"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"displayName\":\"Noa Patel\",\"role\":\"member\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.role").value("MEMBER"))
                .andExpect(jsonPath("$.user.mustChangePassword").value(true))
                .andReturn()
                .getResponse();
        String id = JsonPath.read(added.getContentAsString(), "$.user.id");
        String oneTimePassword = JsonPath.read(added.getContentAsString(), "$.oneTimePassword");
        assertThat(added.getHeader("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(new Browser(mvc).signIn(email, oneTimePassword).getRedirectedUrl())
                .isEqualTo("/contacts");

        mvc.perform(as(admin, put("/api/v1/users/" + id + "/role"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"ADMIN\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
        mvc.perform(as(admin, post("/api/v1/users/" + id + "/deactivate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(as(admin, post("/api/v1/users/" + id + "/activate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        var reset = mvc.perform(as(admin, post("/api/v1/users/" + id + "/password-reset")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String newOneTimePassword = JsonPath.read(reset, "$.oneTimePassword");
        assertThat(newOneTimePassword).isNotEqualTo(oneTimePassword);
        mvc.perform(as(admin, get("/api/v1/users/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email));
    }

    @Test
    void invalidInputIsAProblemWithFieldErrorsAndAddsNobody() throws Exception {
        var practice = fixtures.newPractice();
        var admin = fixtures.apiToken(practice.adminEmail());

        mvc.perform(as(admin, post("/api/v1/users"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + practice.memberEmail() + "\",\"displayName\":\"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")));
        mvc.perform(as(admin, put("/api/v1/users/" + id(practice.memberEmail()) + "/role"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"OWNER\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("Use ADMIN or MEMBER."));

        assertThat(practices.users(practice.id())).hasSize(2);
    }

    @Test
    void theLastActiveAdminStaysAnAdmin() throws Exception {
        var practice = fixtures.newPractice();
        var admin = fixtures.apiToken(practice.adminEmail());

        mvc.perform(as(admin, post("/api/v1/users/" + id(practice.adminEmail()) + "/deactivate")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/last-admin"))
                .andExpect(jsonPath("$.detail")
                        .value("A practice keeps at least one active admin. Make someone else an admin first."));

        assertThat(practices
                        .findUserByEmail(practice.adminEmail())
                        .orElseThrow()
                        .active())
                .isTrue();
    }

    @Test
    void membersAndOtherPracticesAreRefused() throws Exception {
        var practice = fixtures.newPractice();
        var other = fixtures.newPractice();

        mvc.perform(as(
                        fixtures.apiToken(practice.memberEmail()),
                        post("/api/v1/users/" + id(practice.adminEmail()) + "/deactivate")))
                .andExpect(status().isForbidden());
        mvc.perform(as(
                        fixtures.apiToken(other.adminEmail()),
                        post("/api/v1/users/" + id(practice.memberEmail()) + "/deactivate")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());

        assertThat(practices
                        .findUserByEmail(practice.memberEmail())
                        .orElseThrow()
                        .active())
                .isTrue();
    }

    @Test
    void everyUserManagesTheirOwnPasswordAndTokens() throws Exception {
        var practice = fixtures.newPractice();
        var member = fixtures.apiToken(practice.memberEmail());

        mvc.perform(as(member, get("/api/v1/account")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(practice.memberEmail()))
                .andExpect(jsonPath("$.role").value("MEMBER"));
        mvc.perform(as(member, put("/api/v1/account/password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + Fixtures.PASSWORD + "\",\"newPassword\":\"short\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(as(member, put("/api/v1/account/password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + Fixtures.PASSWORD
                                + "\",\"newPassword\":\"Seven green kettles sing\"}"))
                .andExpect(status().isNoContent());

        var created = mvc.perform(as(member, post("/api/v1/account/tokens"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"CI export\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tokenId = JsonPath.read(created, "$.id");
        String token = JsonPath.read(created, "$.token");
        assertThat(token).startsWith("kontor_");
        mvc.perform(as(member, get("/api/v1/account/tokens")))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].name", hasItem("CI export")))
                .andExpect(jsonPath("$[0].token").doesNotExist());
        mvc.perform(as(member, delete("/api/v1/account/tokens/" + tokenId))).andExpect(status().isNoContent());
        mvc.perform(as(token, get("/api/v1/account"))).andExpect(status().isUnauthorized());
        mvc.perform(as(member, delete("/api/v1/account/tokens/" + tokenId))).andExpect(status().isNotFound());
        mvc.perform(as(member, post("/api/v1/account/tokens"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"  \"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aSessionCanUseTheApiWithItsCsrfToken() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(post("/api/v1/account/tokens")
                        .with(fixtures.as(practice.memberEmail()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"No CSRF\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/account/tokens")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"With CSRF\"}"))
                .andExpect(status().isCreated());
    }

    private static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private String id(String email) {
        return practices.findUserByEmail(email).orElseThrow().id().toString();
    }
}
