package app.kontor.system;

import app.kontor.shared.ProblemTypes;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the JSON API answers 401/403 as problem details, the web UI redirects to
 * sign-in. Both share the session cookie and CSRF protection on every state change.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Forms may post only to Kontor, and be redirected on to Xero's consent page (browsers apply
     * {@code form-action} to the redirects of a form submission).
     */
    static String contentSecurityPolicy(String xeroAuthorizationUri) {
        var xero = URI.create(xeroAuthorizationUri);
        var xeroOrigin = xero.getScheme() + "://" + xero.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self' " + xeroOrigin + "; base-uri 'self'";
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> Problems.write(
                                response, json, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, request))
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(response, json, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, request)))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http,
            ObjectProvider<OAuth2AuthorizationRequestResolver> authorizationRequests,
            Environment environment)
            throws Exception {
        var policy = contentSecurityPolicy(environment.getProperty(
                "kontor.xero.authorization-uri", "https://login.xero.com/identity/connect/authorize"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                "/problems/**",
                                "/actuator/health",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/settings/users", "/settings/users/**")
                        .hasRole("ADMIN")
                        // Members see the Xero status; only admins change or finish a connection.
                        .requestMatchers(HttpMethod.POST, "/settings/integrations/xero/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                "/settings/integrations/xero/callback",
                                "/settings/integrations/xero/choose",
                                "/oauth2/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/contacts", false)
                        .failureUrl("/login?failed")
                        .permitAll())
                // Connecting Xero authorises the practice; it signs no one in (DESIGN §4).
                .oauth2Client(client -> client.authorizationCodeGrant(
                        grant -> authorizationRequests.ifAvailable(grant::authorizationRequestResolver)))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies(SessionConfiguration.SESSION_COOKIE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy)));
        return http.build();
    }
}
