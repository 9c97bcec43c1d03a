package app.kontor.system;

import app.kontor.practice.ApiTokens;
import app.kontor.practice.Practices;
import app.kontor.practice.SignInThrottle;
import app.kontor.shared.ProblemTypes;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the JSON API answers 401/403 as problem details, the web UI redirects to
 * sign-in. Both share the session cookie and CSRF protection on every state change; the API also
 * takes personal API tokens ({@code Authorization: Bearer}), which need no CSRF token. Every request
 * of a session is checked against the user's current state ({@link CurrentUserFilter}); form sign-in
 * is throttled per account and address ({@link ThrottledSignIn}).
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
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json, ApiTokens tokens, Practices practices)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/users", "/api/v1/users/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                // A bearer token cannot be sent by another site's form, so it needs no CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearerToken))
                .addFilterBefore(new ApiTokenFilter(tokens, json), CsrfFilter.class)
                .addFilterBefore(new CurrentUserFilter(practices, json, true), AnonymousAuthenticationFilter.class)
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
            Environment environment,
            Practices practices,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            JsonMapper json)
            throws Exception {
        var passwords = new DaoAuthenticationProvider(practices);
        passwords.setPasswordEncoder(passwordEncoder);
        // The form's own manager, with no parent: a throttled or failed attempt is not retried elsewhere.
        // Only the form filter uses it; the chain's shared manager keeps the OAuth2 client's provider.
        var signIn = new ProviderManager(new ThrottledSignIn(passwords, throttle));
        var policy = contentSecurityPolicy(environment.getProperty(
                "kontor.xero.authorization-uri", "https://login.xero.com/identity/connect/authorize"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/setup",
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
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                failure instanceof SignInThrottledException throttled
                                        ? "/login?throttled=" + throttled.minutes()
                                        : "/login?failed"))
                        .permitAll()
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(signIn);
                                return filter;
                            }
                        }))
                .addFilterBefore(new CurrentUserFilter(practices, json, false), AnonymousAuthenticationFilter.class)
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
