package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@KontorIntegrationTest
class AccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void aMemberCannotReachAdminPages() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(get("/settings/users").with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminSeesTheUsersOfTheirOwnPracticeOnly() throws Exception {
        var practice = fixtures.newPractice();
        var other = fixtures.newPractice();

        var page = mvc.perform(get("/settings/users").with(fixtures.as(practice.adminEmail())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains(practice.adminEmail(), practice.memberEmail()).doesNotContain(other.adminEmail());
    }

    @Test
    void signsInWithTheRightPasswordIntoASessionCookieNamedKontorSession() throws Exception {
        var practice = fixtures.newPractice();

        var response = mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", practice.memberEmail().toUpperCase())
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/contacts"))
                .andReturn()
                .getResponse();

        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("KONTOR_SESSION=")
                .contains("SameSite=Lax", "HttpOnly");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", practice.memberEmail())
                        .param("password", "wrong"))
                .andExpect(redirectedUrl("/login?failed"));
        var page = mvc.perform(get("/login").param("failed", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("That email and password don't match an account.");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(post("/logout").with(fixtures.as(practice.memberEmail())).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"));
    }
}
