package app.kontor.xerosync.webhook;

import app.kontor.xerosync.XeroWebhooks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Xero's webhooks get a chain of their own, ahead of the API and web chains: Xero signs its requests
 * instead of signing in, and requires answers without cookies (XERO-CONTRACT §5). So no session, no
 * request cache, no CSRF, no security context kept; the endpoint checks the signature itself.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain xeroWebhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher(XeroWebhooks.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }
}
