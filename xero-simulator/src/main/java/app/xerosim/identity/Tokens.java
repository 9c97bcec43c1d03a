package app.xerosim.identity;

import app.xerosim.state.Grant;
import app.xerosim.state.SimUser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Signs and checks the simulator's RS256 tokens. Access tokens carry the claims Xero's do
 * ({@code authentication_event_id}, {@code xero_userid}, {@code sub}, {@code exp}, {@code scope} as a
 * list); id tokens carry the OpenID Connect ones, with the {@code nonce} echoed.
 */
public final class Tokens {

    /** Xero's id tokens live five minutes. */
    static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** What a presented access token says, once checked. */
    public sealed interface Check {}

    /** A valid token. */
    public record Valid(String clientId, UUID authEventId, List<String> scopes, String xeroUserId) implements Check {}

    /** A correctly signed token past its expiry. */
    public record Expired(Instant expiredAt) implements Check {}

    /** Not a token of ours. */
    public record Invalid() implements Check {}

    private final RSAKey key;
    private final String issuer;

    public Tokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    public String accessToken(Grant grant, SimUser user, Instant now, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(issuer + "/resources")
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .subject(user.subject())
                .jwtID(UUID.randomUUID().toString().replace("-", ""))
                .claim("client_id", grant.clientId())
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("xero_userid", user.xeroUserId().toString())
                .claim("global_session_id", grant.sessionId())
                .claim("sid", grant.sessionId())
                .claim("authentication_event_id", grant.authEventId().toString())
                .claim("scope", grant.scopes())
                .claim("amr", List.of("pwd"))
                .build();
        return sign(claims);
    }

    public String idToken(Grant grant, SimUser user, @Nullable String nonce, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(grant.clientId())
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ID_TOKEN_LIFETIME)))
                .subject(user.subject())
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("xero_userid", user.xeroUserId().toString())
                .claim("global_session_id", grant.sessionId())
                .claim("sid", grant.sessionId())
                .claim("preferred_username", user.email())
                .claim("email", user.email())
                .claim("given_name", user.givenName())
                .claim("family_name", user.familyName())
                .claim("name", user.givenName() + " " + user.familyName());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build());
    }

    public Check check(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return new Invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Object eventId = claims.getClaim("authentication_event_id");
            Object clientId = claims.getClaim("client_id");
            Date expiry = claims.getExpirationTime();
            if (eventId == null || clientId == null || expiry == null) {
                return new Invalid();
            }
            if (!now.isBefore(expiry.toInstant())) {
                return new Expired(expiry.toInstant());
            }
            List<String> scopes = claims.getStringListClaim("scope");
            return new Valid(
                    clientId.toString(),
                    UUID.fromString(eventId.toString()),
                    scopes == null ? List.of() : scopes,
                    String.valueOf(claims.getClaim("xero_userid")));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return new Invalid();
        }
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
