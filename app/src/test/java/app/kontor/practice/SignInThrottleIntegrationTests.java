package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every test signs in from its own address (see {@link Browser}), so its failures block no one else. */
@KontorIntegrationTest
class SignInThrottleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void fiveWrongPasswordsBlockTheAccountEvenWithTheRightPasswordWithAClearMessage() throws Exception {
        var practice = fixtures.newPractice();
        var browser = new Browser(mvc);
        for (var attempt = 0; attempt < SignInThrottle.ACCOUNT_LIMIT; attempt++) {
            assertThat(browser.signIn(practice.memberEmail(), "wrong password 1")
                            .getRedirectedUrl())
                    .isEqualTo("/login?failed");
        }

        var blocked = browser.signIn(practice.memberEmail(), Fixtures.PASSWORD);
        var fromElsewhere = new Browser(mvc).signIn(practice.memberEmail(), Fixtures.PASSWORD);

        assertThat(blocked.getRedirectedUrl()).isEqualTo("/login?throttled=15");
        assertThat(fromElsewhere.getRedirectedUrl()).isEqualTo("/login?throttled=15");
        assertThat(browser.perform(get("/login?throttled=15")).getContentAsString())
                .contains("Too many sign-in attempts. Try again in 15 minutes.");
        assertThat(new Browser(mvc)
                        .signIn(practice.adminEmail(), Fixtures.PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/contacts");
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryAccountFromThere() throws Exception {
        var practice = fixtures.newPractice();
        var browser = new Browser(mvc);
        for (var attempt = 0; attempt < SignInThrottle.ADDRESS_LIMIT; attempt++) {
            // A different unknown account each time, so only the address limit can apply.
            browser.signIn("nobody-" + UUID.randomUUID() + "@example.com", "guess");
        }

        assertThat(browser.signIn(practice.memberEmail(), Fixtures.PASSWORD).getRedirectedUrl())
                .startsWith("/login?throttled=");
        assertThat(new Browser(mvc)
                        .signIn(practice.memberEmail(), Fixtures.PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/contacts");
    }

    @Test
    void signingInSuccessfullyClearsTheAccountsFailures() throws Exception {
        var practice = fixtures.newPractice();
        var browser = new Browser(mvc);
        for (var attempt = 0; attempt < SignInThrottle.ACCOUNT_LIMIT - 1; attempt++) {
            browser.signIn(practice.memberEmail(), "wrong password 2");
        }
        assertThat(browser.signIn(practice.memberEmail(), Fixtures.PASSWORD).getRedirectedUrl())
                .isEqualTo("/contacts");

        var again = new Browser(mvc);
        for (var attempt = 0; attempt < SignInThrottle.ACCOUNT_LIMIT - 1; attempt++) {
            assertThat(again.signIn(practice.memberEmail(), "wrong password 3").getRedirectedUrl())
                    .isEqualTo("/login?failed");
        }
        assertThat(again.signIn(practice.memberEmail(), Fixtures.PASSWORD).getRedirectedUrl())
                .isEqualTo("/contacts");
    }
}
