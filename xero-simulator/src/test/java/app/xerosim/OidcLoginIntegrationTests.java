package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stock Spring Security {@code oauth2Login} client signs in against the simulator: it validates the
 * id_token (signature via the JWKS, audience, nonce, timestamps) exactly as it would Xero's.
 */
@SpringBootTest(
        classes = OidcLoginIntegrationTests.ClientApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginIntegrationTests {

    static final XeroSimulator XERO = XeroSimulator.start();
    static final SimOrganisation ORG = XERO.organisations().create("OIDC Org");

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void xero(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.xero.client-id", () -> "spring-client");
        registry.add(prefix + "registration.xero.client-secret", () -> "spring-secret");
        registry.add(
                prefix + "registration.xero.scope", () -> "openid,profile,email,offline_access,accounting.contacts");
        registry.add(prefix + "registration.xero.authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "registration.xero.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(prefix + "provider.xero.authorization-uri", () -> XERO.baseUrl() + "/identity/connect/authorize");
        registry.add(prefix + "provider.xero.token-uri", () -> XERO.baseUrl() + "/connect/token");
        registry.add(
                prefix + "provider.xero.jwk-set-uri", () -> XERO.baseUrl() + "/.well-known/openid-configuration/jwks");
        registry.add(prefix + "provider.xero.user-name-attribute", () -> "sub");
    }

    @AfterAll
    static void stop() {
        XERO.close();
    }

    @Test
    void springSecurityOauth2LoginSignsInThroughTheConsentPage() throws Exception {
        String app = "http://localhost:" + port;
        XERO.registerApp("spring-client", "spring-secret", List.of(app + "/login/oauth2/code/xero"), "Spring Client");
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        URI location = redirect(get(browser, URI.create(app + "/me")));
        HttpResponse<String> authorize =
                get(browser, location.isAbsolute() ? location : URI.create(app).resolve(location));
        URI toSimulator = redirect(authorize);
        assertThat(toSimulator.toString()).startsWith(XERO.baseUrl() + "/identity/connect/authorize");
        assertThat(toSimulator.getRawQuery()).contains("nonce=");

        HttpResponse<String> consentPage = get(browser, toSimulator);
        assertThat(consentPage.body()).contains("Spring Client");
        StringBuilder form = new StringBuilder("decision=allow&tenant=" + ORG.tenantId());
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(consentPage.body());
        while (hidden.find()) {
            form.append('&')
                    .append(hidden.group(1))
                    .append('=')
                    .append(XeroClient.enc(hidden.group(2).replace("&amp;", "&").replace("&quot;", "\"")));
        }
        HttpResponse<String> consented = browser.send(
                HttpRequest.newBuilder(URI.create(XERO.baseUrl() + "/identity/connect/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = redirect(consented);
        assertThat(callback.toString()).startsWith(app + "/login/oauth2/code/xero?code=");

        URI afterLogin = redirect(get(browser, callback));
        HttpResponse<String> me = get(browser, URI.create(app).resolve(afterLogin));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .contains("\"email\":\"demo.user@example.com\"")
                .contains("\"nonce\":")
                .doesNotContain("\"nonce\":\"null\"");
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI redirect(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.uri() + " " + response.body())
                .isBetween(301, 303);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ClientApp {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2Login(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        Me me() {
            return new Me();
        }
    }

    @RestController
    static class Me {
        @GetMapping("/me")
        Map<String, String> me(@AuthenticationPrincipal OidcUser user) {
            return Map.of(
                    "sub", user.getSubject(),
                    "email", user.getEmail(),
                    "nonce", String.valueOf(user.getIdToken().getNonce()),
                    "xero_userid", String.valueOf(user.getClaims().get("xero_userid")));
        }
    }
}
