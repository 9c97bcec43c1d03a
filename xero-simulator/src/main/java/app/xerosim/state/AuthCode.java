package app.xerosim.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An authorization code handed out by the consent page; single use. */
public record AuthCode(
        String code,
        String grantId,
        String redirectUri,
        @Nullable String nonce,
        @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod,
        Instant expiresAt,
        boolean used) {

    public AuthCode markUsed() {
        return new AuthCode(code, grantId, redirectUri, nonce, codeChallenge, codeChallengeMethod, expiresAt, true);
    }
}
