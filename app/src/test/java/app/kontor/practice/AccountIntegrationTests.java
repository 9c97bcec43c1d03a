package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /settings/account}: your own password and API tokens, and what a token can do. */
@KontorIntegrationTest
class AccountIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("<code>(kontor_[A-Za-z0-9_-]+)</code>");
    private static final String NEW_PASSWORD = "Seven green kettles sing";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Practices practices;

    @Test
    void changingYourPasswordEndsYourOtherSessionsButKeepsThisOne() throws Exception {
        var practice = fixtures.newPractice();
        var laptop = new Browser(mvc);
        var phone = new Browser(mvc);
        laptop.signIn(practice.memberEmail(), Fixtures.PASSWORD);
        phone.signIn(practice.memberEmail(), Fixtures.PASSWORD);

        var changed = laptop.perform(post("/settings/account/password")
                .with(csrf())
                .param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", NEW_PASSWORD));

        assertThat(changed.getRedirectedUrl()).isEqualTo("/settings/account");
        assertThat(laptop.perform(get("/settings/account")).getContentAsString())
                .contains("Your password is changed.");
        assertThat(laptop.perform(get("/contacts")).getStatus()).isEqualTo(200);
        assertThat(phone.perform(get("/contacts")).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(new Browser(mvc).signIn(practice.memberEmail(), NEW_PASSWORD).getRedirectedUrl())
                .isEqualTo("/contacts");
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() throws Exception {
        var practice = fixtures.newPractice();
        var browser = new Browser(mvc);
        browser.signIn(practice.memberEmail(), Fixtures.PASSWORD);

        var page = browser.perform(post("/settings/account/password")
                        .with(csrf())
                        .param("currentPassword", "not my password")
                        .param("newPassword", "aaaaaaaaaaaaaaaa"))
                .getContentAsString();

        assertThat(page)
                .contains("Please fix these 2 problems; your password has not been changed.")
                .contains("That is not your current password.", "The password is too simple");
        assertThat(new Browser(mvc)
                        .signIn(practice.memberEmail(), Fixtures.PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/contacts");
        assertThat(browser.perform(get("/contacts")).getStatus()).isEqualTo(200);
    }

    @Test
    void aTokenIsShownOnceListedUsedAsItsOwnerAndRevoked() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Token Test Ltd");
        var other = fixtures.newPractice();
        var otherContact = fixtures.organisation(other, "Other Practice Ltd");

        var created = mvc.perform(post("/settings/account/tokens")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .param("name", "Monthly export"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var matcher = TOKEN.matcher(created);
        assertThat(matcher.find()).isTrue();
        var token = matcher.group(1);
        assertThat(token).hasSize("kontor_".length() + 43);

        mvc.perform(get("/api/v1/contacts/" + contact.id()).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Token Test Ltd"));
        mvc.perform(get("/api/v1/contacts/" + otherContact.id()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        var listed = mvc.perform(get("/settings/account").with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).contains("Monthly export").doesNotContain(token).doesNotContain(">Never<");

        var id = tokens.list(user(practice.memberEmail())).getFirst().id();
        mvc.perform(post("/settings/account/tokens/" + id + "/revoke")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/contacts").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail")
                        .value("The API token is not valid: it is unknown or revoked, or its user is deactivated."));
    }

    @Test
    void aTokenNeedsNoCsrfTokenAndHasItsOwnersRole() throws Exception {
        var practice = fixtures.newPractice();
        var token = fixtures.apiToken(practice.memberEmail());

        mvc.perform(post("/api/v1/contacts")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ORGANISATION\",\"name\":\"Scripted Ltd\"}"))
                .andExpect(status().isCreated())
                .andExpect(cookie().doesNotExist("KONTOR_SESSION"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        assertThat(tokens.list(user(practice.memberEmail())).getFirst().lastUsedAt())
                .isNotNull();
    }

    @Test
    void aDeactivatedUsersTokenStopsWorking() throws Exception {
        var practice = fixtures.newPractice();
        var token = fixtures.apiToken(practice.memberEmail());
        mvc.perform(get("/api/v1/contacts").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/users/" + user(practice.memberEmail()).userId() + "/deactivate")
                        .header("Authorization", "Bearer " + fixtures.apiToken(practice.adminEmail())))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/contacts").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownTokenIsRefusedEvenWithASessionAlongside() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(get("/api/v1/contacts")
                        .with(fixtures.as(practice.memberEmail()))
                        .header("Authorization", "Bearer kontor_madeup"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
    }

    @Test
    void revokingAnotherUsersTokenIsNotFound() throws Exception {
        var practice = fixtures.newPractice();
        fixtures.apiToken(practice.adminEmail());
        var adminsToken = tokens.list(user(practice.adminEmail())).getFirst();

        mvc.perform(post("/settings/account/tokens/" + adminsToken.id() + "/revoke")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(tokens.list(user(practice.adminEmail()))).hasSize(1);
    }

    private SignedInUser user(String email) {
        return practices.loadUserByUsername(email).user();
    }
}
