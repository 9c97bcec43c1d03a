package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /settings/users}: what an admin does with the practice's staff, through the web pages. */
@KontorIntegrationTest
class UsersIntegrationTests {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("One-time password: <code>([^<]+)</code>");
    private static final String OWN_PASSWORD = "Seven green kettles sing";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Practices practices;

    @Test
    void addsAUserWhoSignsInOnceWithTheShownPasswordThenChoosesTheirOwn() throws Exception {
        var practice = fixtures.newPractice();
        var email = "new-" + UUID.randomUUID() + "@example.com";

        var page = mvc.perform(post("/settings/users")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf())
                        .param("displayName", "Noa Patel")
                        .param("email", email)
                        .param("role", "MEMBER"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var oneTimePassword = oneTimePassword(page);

        var browser = new Browser(mvc);
        assertThat(browser.signIn(email, oneTimePassword).getRedirectedUrl()).isEqualTo("/contacts");
        assertThat(browser.perform(get("/contacts")).getRedirectedUrl()).isEqualTo("/settings/account");
        assertThat(browser.perform(get("/settings/account")).getContentAsString())
                .contains("You signed in with a one-time password");
        var weak = browser.perform(post("/settings/account/password")
                .with(csrf())
                .param("currentPassword", oneTimePassword)
                .param("newPassword", "tooshort"));
        assertThat(weak.getContentAsString()).contains("error-summary", "The password is too short");

        var changed = browser.perform(post("/settings/account/password")
                .with(csrf())
                .param("currentPassword", oneTimePassword)
                .param("newPassword", OWN_PASSWORD));

        assertThat(changed.getRedirectedUrl()).isEqualTo("/contacts");
        assertThat(browser.perform(get("/contacts")).getStatus()).isEqualTo(200);
        assertThat(new Browser(mvc).signIn(email, oneTimePassword).getRedirectedUrl())
                .isEqualTo("/login?failed");
        var user = practices.findUserByEmail(email).orElseThrow();
        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.practiceId()).isEqualTo(practice.id());
    }

    @Test
    void refusesAnInvalidOrTakenEmailNextToTheFieldAndAddsNobody() throws Exception {
        var practice = fixtures.newPractice();
        var before = practices.users(practice.id()).size();

        var invalid = mvc.perform(post("/settings/users")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf())
                        .param("displayName", "")
                        .param("email", "not-an-email"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var taken = mvc.perform(post("/settings/users")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf())
                        .param("displayName", "Twin")
                        .param("email", practice.memberEmail().toUpperCase()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(invalid)
                .contains("Please fix these 2 problems; nobody has been added yet.")
                .contains("Enter the person's name.", "Enter an email address like name@example.com.")
                .doesNotContain("One-time password:");
        assertThat(taken).contains("Someone already signs in with this email.");
        assertThat(practices.users(practice.id())).hasSize(before);
    }

    @Test
    void aNewRoleAppliesToTheSignedInUserAtOnce() throws Exception {
        var practice = fixtures.newPractice();
        var member = new Browser(mvc);
        member.signIn(practice.memberEmail(), Fixtures.PASSWORD);
        assertThat(member.perform(get("/settings/users")).getStatus()).isEqualTo(403);

        mvc.perform(post("/settings/users/" + userId(practice.memberEmail()) + "/role")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf())
                        .param("role", "ADMIN"))
                .andExpect(redirectedUrl("/settings/users"))
                .andExpect(flash().attribute("notice", "Member " + suffix(practice) + " is now an admin."));

        assertThat(member.perform(get("/settings/users")).getStatus()).isEqualTo(200);
    }

    @Test
    void neverLeavesThePracticeWithoutAnActiveAdmin() throws Exception {
        var practice = fixtures.newPractice();
        var admin = userId(practice.adminEmail());

        mvc.perform(post("/settings/users/" + admin + "/role")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf())
                        .param("role", "MEMBER"))
                .andExpect(flash().attribute(
                                "problem",
                                "A practice keeps at least one active admin. Make someone else an admin first."));
        mvc.perform(post("/settings/users/" + admin + "/deactivate")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(flash().attributeExists("problem"));

        var unchanged = practices.findUserByEmail(practice.adminEmail()).orElseThrow();
        assertThat(unchanged.role()).isEqualTo(Role.ADMIN);
        assertThat(unchanged.active()).isTrue();
    }

    @Test
    void deactivatingEndsTheUsersSessionAndSignInUntilActivatedAgain() throws Exception {
        var practice = fixtures.newPractice();
        var member = new Browser(mvc);
        member.signIn(practice.memberEmail(), Fixtures.PASSWORD);
        assertThat(member.perform(get("/contacts")).getStatus()).isEqualTo(200);

        mvc.perform(post("/settings/users/" + userId(practice.memberEmail()) + "/deactivate")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/users"));

        assertThat(member.perform(get("/contacts")).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(member.perform(get("/contacts")).getRedirectedUrl()).endsWith("/login");
        assertThat(member.perform(get("/login").param("ended", "")).getContentAsString())
                .contains("Your session has ended: your account was deactivated or its password was changed.");
        assertThat(new Browser(mvc)
                        .signIn(practice.memberEmail(), Fixtures.PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/login?failed");

        mvc.perform(post("/settings/users/" + userId(practice.memberEmail()) + "/activate")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/users"));
        assertThat(new Browser(mvc)
                        .signIn(practice.memberEmail(), Fixtures.PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/contacts");
    }

    @Test
    void resettingAPasswordEndsTheSessionsAndShowsANewOneTimePassword() throws Exception {
        var practice = fixtures.newPractice();
        var member = new Browser(mvc);
        member.signIn(practice.memberEmail(), Fixtures.PASSWORD);

        var page = mvc.perform(post("/settings/users/" + userId(practice.memberEmail()) + "/reset-password")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var oneTimePassword = oneTimePassword(page);

        assertThat(member.perform(get("/contacts")).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(new Browser(mvc)
                        .signIn(practice.memberEmail(), Fixtures.PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/login?failed");
        var again = new Browser(mvc);
        assertThat(again.signIn(practice.memberEmail(), oneTimePassword).getRedirectedUrl())
                .isEqualTo("/contacts");
        assertThat(again.perform(get("/contacts")).getRedirectedUrl()).isEqualTo("/settings/account");
    }

    @Test
    void aUserOfAnotherPracticeIsNotFound() throws Exception {
        var practice = fixtures.newPractice();
        var other = fixtures.newPractice();

        mvc.perform(post("/settings/users/" + userId(other.memberEmail()) + "/deactivate")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/users/not-a-uuid/reset-password")
                        .with(fixtures.as(practice.adminEmail()))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(practices.findUserByEmail(other.memberEmail()).orElseThrow().active())
                .isTrue();
    }

    @Test
    void membersCannotChangeUsers() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(post("/settings/users/" + userId(practice.adminEmail()) + "/deactivate")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(practices
                        .findUserByEmail(practice.adminEmail())
                        .orElseThrow()
                        .active())
                .isTrue();
    }

    private String userId(String email) {
        return practices.findUserByEmail(email).orElseThrow().id().toString();
    }

    private static String suffix(Fixtures.TestPractice practice) {
        return practice.memberEmail()
                .substring("member-".length(), practice.memberEmail().indexOf('@'));
    }

    static String oneTimePassword(String page) {
        var matcher = ONE_TIME_PASSWORD.matcher(page);
        assertThat(matcher.find()).as("the page shows a one-time password").isTrue();
        return matcher.group(1);
    }
}
