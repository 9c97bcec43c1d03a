package app.kontor.xero.internal;

import app.kontor.practice.KontorUserDetails;
import app.kontor.xero.XeroSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The OAuth 2.0 client side of connecting Xero, for Spring Security's {@code oauth2Client()} (never
 * {@code oauth2Login()}: connecting authorises the practice, it signs no one in).
 */
@Configuration(proxyBeanMethods = false)
class XeroOAuthConfiguration {

    static final String REGISTRATION_ID = "xero";
    static final List<String> SCOPES =
            List.of("openid", "profile", "email", "offline_access", "accounting.contacts", "accounting.settings.read");

    private static final Logger log = LoggerFactory.getLogger(XeroOAuthConfiguration.class);

    @Bean
    ClientRegistrationRepository clientRegistrations(XeroSettings settings) {
        return new InMemoryClientRegistrationRepository(registration(settings));
    }

    static ClientRegistration registration(XeroSettings settings) {
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Xero")
                // An unconfigured Kontor still starts; the settings page says Xero is not set up.
                .clientId(settings.isConfigured() ? settings.clientId() : "not-configured")
                .clientSecret(settings.isConfigured() ? settings.clientSecret() : "not-configured")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(settings.redirectUri())
                .scope(SCOPES)
                .authorizationUri(settings.authorizationUri().toString())
                .tokenUri(settings.tokenUri().toString())
                .jwkSetUri(settings.jwksUri().toString())
                .issuerUri(settings.issuer())
                .build();
    }

    /** Only admins may start a consent; for anyone else the authorization endpoint does not exist. */
    @Bean
    OAuth2AuthorizationRequestResolver xeroAuthorizationRequests(ClientRegistrationRepository registrations) {
        var defaults = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(jakarta.servlet.http.HttpServletRequest request) {
                return isAdmin() ? defaults.resolve(request) : null;
            }

            @Override
            public OAuth2AuthorizationRequest resolve(
                    jakarta.servlet.http.HttpServletRequest request, String clientRegistrationId) {
                return isAdmin() ? defaults.resolve(request, clientRegistrationId) : null;
            }
        };
    }

    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> xeroTokenResponseClient(
            XeroSettings settings) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.readTimeout());
        var jwks = new RestTemplate(requests);
        var idTokens = NimbusJwtDecoder.withJwkSetUri(settings.jwksUri().toString())
                .restOperations(jwks)
                .build();
        idTokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience(settings)));
        var accessTokens = NimbusJwtDecoder.withJwkSetUri(settings.jwksUri().toString())
                .restOperations(jwks)
                .build();
        accessTokens.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        var exchange = new RestClientAuthorizationCodeTokenResponseClient();
        exchange.setRestClient(tokenEndpointClient(settings));
        return new CheckedTokenResponseClient(exchange, idTokens, accessTokens);
    }

    /** Spring's token-endpoint client setup, plus explicit timeouts (its default has none). */
    static RestClient tokenEndpointClient(XeroSettings settings) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.readTimeout());
        return RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    @Bean
    OAuth2AuthorizedClientRepository xeroConsentCapture(ConsentRows consents, TokenCipher cipher, Clock clock) {
        return new ConsentCapture(consents, cipher, clock);
    }

    /**
     * The key that encrypts tokens: {@code KONTOR_ENCRYPTION_KEY}, or in demo mode a key generated once
     * and kept under the data directory (with a warning: anyone who can read the file can read tokens).
     */
    @Bean
    TokenCipher tokenCipher(Environment environment) {
        var spec = environment.getProperty("kontor.encryption-key", "");
        if (!spec.isBlank()) {
            return TokenCipher.fromSpec(spec);
        }
        if (!"demo".equalsIgnoreCase(environment.getProperty("kontor.mode", "demo"))) {
            throw new IllegalStateException("KONTOR_ENCRYPTION_KEY is required in production mode");
        }
        var file = Path.of(environment.getProperty("kontor.data-dir", "./data"), "encryption.key");
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, TokenCipher.newSpec("demo1"));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Best effort on systems without POSIX permissions.
                }
            }
            log.warn(
                    "Demo mode: Xero tokens are encrypted with a key kept in {}. Set KONTOR_ENCRYPTION_KEY in production.",
                    file.toAbsolutePath());
            return TokenCipher.fromSpec(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo encryption key " + file, e);
        }
    }

    private static OAuth2TokenValidator<Jwt> audience(XeroSettings settings) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.clientId())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_id_token", "The id_token is for another app", null));
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof KontorUserDetails details
                && details.user().isAdmin();
    }
}
