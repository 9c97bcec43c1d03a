package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.kontor.TestXero;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An admin's trip through Connect to Xero: Kontor (MockMvc, one browser session) sends them to the
 * simulator's consent page (real HTTP), where they allow or cancel, and back to Kontor.
 */
final class ConsentFlow {

    private final MockMvc mvc;
    private final RequestPostProcessor admin;
    private @Nullable Cookie sessionCookie;
    private final HttpClient http = HttpClient.newHttpClient();

    ConsentFlow(MockMvc mvc, RequestPostProcessor admin) {
        this.mvc = mvc;
        this.admin = admin;
    }

    /** Presses Connect to Xero and follows Kontor's redirects to Xero's authorize URL. */
    URI start() throws Exception {
        var connect = perform(post("/settings/integrations/xero/connect").with(csrf()));
        assertThat(connect.getRedirectedUrl()).isEqualTo("/oauth2/authorization/xero");
        var authorize = perform(get("/oauth2/authorization/xero"));
        assertThat(authorize.getStatus()).isEqualTo(302);
        return URI.create(authorize.getRedirectedUrl());
    }

    /** Answers the consent page: {@code allow} with the given organisations ticked, or {@code deny}. */
    URI consent(URI authorize, String decision, UUID... organisations) throws IOException, InterruptedException {
        var page = http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("consent page").isEqualTo(200);
        var form = new StringBuilder();
        query(authorize)
                .forEach((name, value) ->
                        form.append(name).append('=').append(encode(value)).append('&'));
        for (var organisation : organisations) {
            form.append("tenant=").append(organisation).append('&');
        }
        form.append("decision=").append(decision);
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(TestXero.simulator().baseUrl() + "/identity/connect/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("consent answer: " + answer.body()).isEqualTo(302);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** Where the admin ends up: the page's path and its HTML. */
    record Landing(String path, String html) {}

    /** Follows Kontor's redirects from Xero's answer until a page. */
    Landing returnTo(URI callback) throws Exception {
        var target = callback.getPath() + (callback.getRawQuery() == null ? "" : "?" + callback.getRawQuery());
        for (var hops = 0; hops < 5; hops++) {
            var response = perform(get(URI.create(target)));
            if (response.getStatus() != 302) {
                return new Landing(target, response.getContentAsString());
            }
            var location = URI.create(response.getRedirectedUrl());
            target = location.getPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        }
        throw new AssertionError("Too many redirects after " + callback);
    }

    /**
     * Sends the request in this browser session. Sessions live in Spring Session (cookie {@code
     * KONTOR_SESSION}), not in MockMvc's session object, so the cookie is carried like a browser would.
     */
    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        if (sessionCookie != null) {
            request.cookie(sessionCookie);
        }
        var response = mvc.perform(request.with(admin)).andReturn().getResponse();
        var renewed = response.getCookie("KONTOR_SESSION");
        if (renewed != null) {
            sessionCookie = renewed;
        }
        return response;
    }

    static Map<String, String> query(URI uri) {
        var params = new LinkedHashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
