package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.practice.PracticeSetup.SetupRequest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The first start of a production installation. The test database always holds other tests'
 * practices, so these tests open {@code /setup} by issuing a code directly, as a start on an empty
 * database would, and close it again afterwards.
 */
@KontorIntegrationTest
class SetupIntegrationTests {

    private static final String PASSWORD = "Seven green kettles sing";

    @Autowired
    PracticeSetup setup;

    @Autowired
    Practices practices;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void closeSetup() {
        fixtures.newPractice();
        setup.issueCodeIfNeeded();
    }

    @Test
    void theRightCodeCreatesThePracticeAndItsFirstAdminOnlyOnce() throws Exception {
        var code = setup.issueCode();
        var request = request(code.toLowerCase(Locale.ROOT).replace("-", " "));

        var practice = setup.complete(request);

        assertThat(practice.name()).isEqualTo(request.practiceName());
        assertThat(practice.defaultPhoneRegion()).isEqualTo("GB");
        var admin = practices.findUserByEmail(request.email()).orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.practiceId()).isEqualTo(practice.id());
        assertThat(new Browser(mvc).signIn(request.email(), PASSWORD).getRedirectedUrl())
                .isEqualTo("/contacts");
        assertThat(setup.open()).isFalse();
        var again = request(code);
        assertThatThrownBy(() -> setup.complete(again)).isInstanceOf(SetupClosedException.class);
        assertThat(practices.findUserByEmail(again.email())).isEmpty();
    }

    @Test
    void aWrongCodeChangesNothingAndSaysSo() {
        var code = setup.issueCode();
        var wrong = request(code.equals("AAAA-AAAA") ? "BBBB-BBBB" : "AAAA-AAAA");

        assertThatThrownBy(() -> setup.complete(wrong))
                .isInstanceOfSatisfying(
                        InvalidAccountException.class,
                        invalid -> assertThat(invalid.errors().get("setupCode")).contains("not right"));

        assertThat(practices.findByName(wrong.practiceName())).isEmpty();
        assertThat(practices.findUserByEmail(wrong.email())).isEmpty();
        assertThat(setup.open()).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedWithoutUsingUpTheCode() {
        var code = setup.issueCode();
        var weak = new SetupRequest(code, "Weak Practice", "NZ", "Ada", unique("weak"), "short");

        assertThatThrownBy(() -> setup.complete(weak))
                .isInstanceOfSatisfying(
                        InvalidAccountException.class,
                        invalid -> assertThat(invalid.errors()).containsOnlyKeys("password"));

        assertThat(setup.open()).isTrue();
        assertThat(practices.findUserByEmail(weak.email())).isEmpty();
    }

    @Test
    void tooManyWrongCodesDropTheCodeUntilTheNextStart() {
        var code = setup.issueCode();
        var wrong = request(code.equals("AAAA-AAAA") ? "BBBB-BBBB" : "AAAA-AAAA");
        for (var attempt = 1; attempt < PracticeSetup.MAX_FAILED_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> setup.complete(wrong)).isInstanceOf(InvalidAccountException.class);
        }

        assertThatThrownBy(() -> setup.complete(wrong))
                .isInstanceOf(SetupClosedException.class)
                .hasMessageContaining("Restart Kontor");
        assertThat(setup.open()).isFalse();
        assertThatThrownBy(() -> setup.complete(request(code))).isInstanceOf(SetupClosedException.class);
    }

    @Test
    void noCodeIsIssuedOnceAPracticeExists() {
        setup.issueCode();
        fixtures.newPractice();

        assertThat(setup.issueCodeIfNeeded()).isEmpty();
        assertThat(setup.open()).isFalse();
    }

    @Test
    void theSetupPageIsOpenOnlyWhileACodeIsOutstanding() throws Exception {
        var code = setup.issueCode();
        var browser = new Browser(mvc);
        var email = unique("first");

        var form = browser.perform(get("/setup"));
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("Setup code", "Practice name", PasswordPolicy.RULE);

        var weak = browser.perform(setupPost(code, email, "password"));
        assertThat(weak.getStatus()).isEqualTo(200);
        assertThat(weak.getContentAsString()).contains("error-summary", "The password is too");
        assertThat(practices.findUserByEmail(email)).isEmpty();

        var wrongCode =
                browser.perform(setupPost("ZZZZ-ZZZZ".equals(code) ? "YYYY-YYYY" : "ZZZZ-ZZZZ", email, PASSWORD));
        assertThat(wrongCode.getContentAsString())
                .contains("That setup code is not right")
                .doesNotContain("ZZZZ-ZZZZ");

        var done = browser.perform(setupPost(code, email, PASSWORD));
        assertThat(done.getRedirectedUrl()).isEqualTo("/login?setUp");
        assertThat(practices.findUserByEmail(email)).isPresent();

        mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
        var late = unique("late");
        mvc.perform(setupPost(code, late, PASSWORD)).andExpect(redirectedUrl("/login"));
        assertThat(practices.findUserByEmail(late)).isEmpty();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder setupPost(
            String code, String email, String password) {
        return post("/setup")
                .with(csrf())
                .param("setupCode", code)
                .param("practiceName", "Practice set up " + email)
                .param("country", "nz")
                .param("displayName", "First Admin")
                .param("email", email)
                .param("password", password);
    }

    private static SetupRequest request(String code) {
        var email = unique("setup");
        return new SetupRequest(code, "Practice of " + email, "gb", "Ada Lindqvist", email, PASSWORD);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
