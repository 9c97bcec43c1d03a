package app.kontor.xero.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Exchanges the authorization code, then checks what came back before anything is stored: the
 * id_token's signature (Xero's JWKS), issuer, audience, expiry and nonce, and the access token's
 * signature and {@code authentication_event_id}. {@code oauth2Client()} does none of this itself.
 * A Xero that cannot be reached becomes an OAuth error, so the admin sees a message, not a crash.
 */
final class CheckedTokenResponseClient implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> exchange;
    private final JwtDecoder idTokens;
    private final JwtDecoder accessTokens;

    CheckedTokenResponseClient(
            OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> exchange,
            JwtDecoder idTokens,
            JwtDecoder accessTokens) {
        this.exchange = exchange;
        this.idTokens = idTokens;
        this.accessTokens = accessTokens;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest request) {
        OAuth2AccessTokenResponse response;
        try {
            response = exchange.getTokenResponse(request);
        } catch (OAuth2AuthorizationException refused) {
            throw refused;
        } catch (RuntimeException unreachable) {
            throw failure("xero_unreachable", "Kontor could not reach Xero to finish connecting.", unreachable);
        }
        var idToken = response.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
        if (!(idToken instanceof String idTokenValue)) {
            throw failure("invalid_id_token", "Xero sent no id_token.", null);
        }
        try {
            var id = idTokens.decode(idTokenValue);
            var sentNonce =
                    request.getAuthorizationExchange().getAuthorizationRequest().getAttribute(OidcParameterNames.NONCE);
            if (!(sentNonce instanceof String nonce) || !hash(nonce).equals(id.getClaimAsString("nonce"))) {
                throw failure("invalid_nonce", "The id_token was not issued for this sign-in.", null);
            }
            var access = accessTokens.decode(response.getAccessToken().getTokenValue());
            var eventId = access.getClaimAsString("authentication_event_id");
            if (eventId == null) {
                throw failure("invalid_token", "Xero's access token names no authentication event.", null);
            }
            RequestContextHolder.currentRequestAttributes()
                    .setAttribute(
                            ConsentIdentity.ATTRIBUTE,
                            new ConsentIdentity(UUID.fromString(eventId), id.getSubject()),
                            RequestAttributes.SCOPE_REQUEST);
            return response;
        } catch (JwtException | IllegalArgumentException invalid) {
            throw failure("invalid_id_token", "Xero's tokens did not pass validation.", invalid);
        }
    }

    /** The nonce is sent hashed (SHA-256, base64url), as Spring Security's request resolver does. */
    private static String hash(String nonce) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static OAuth2AuthorizationException failure(String code, String description, Throwable cause) {
        var error = new OAuth2Error(code, description, null);
        return cause == null ? new OAuth2AuthorizationException(error) : new OAuth2AuthorizationException(error, cause);
    }
}
