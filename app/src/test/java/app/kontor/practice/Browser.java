package app.kontor.practice;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One browser: signs in through the real form and carries the {@code KONTOR_SESSION} cookie (Spring
 * Session ignores MockMvc's session object). Each browser has its own client address, so sign-in
 * throttling in one test never blocks another.
 */
final class Browser {

    private final MockMvc mvc;
    private final String address;
    private @Nullable Cookie session;

    Browser(MockMvc mvc) {
        this.mvc = mvc;
        var random = ThreadLocalRandom.current();
        this.address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    String address() {
        return address;
    }

    /** @return the sign-in response: a redirect to {@code /contacts} on success */
    MockHttpServletResponse signIn(String email, String password) throws Exception {
        return perform(post("/login").with(csrf()).param("email", email).param("password", password));
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        var response = mvc.perform(request.with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andReturn()
                .getResponse();
        var renewed = response.getCookie("KONTOR_SESSION");
        if (renewed != null) {
            session = renewed.getMaxAge() == 0 ? null : renewed;
        }
        return response;
    }
}
