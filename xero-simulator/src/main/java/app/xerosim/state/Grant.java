package app.xerosim.state;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One consent: an app, the scopes granted, and the authentication event that names its connections.
 * {@code publicClient} marks a consent whose code was exchanged by PKCE alone, without a secret: its tokens
 * may be refreshed without one too.
 */
public record Grant(
        String grantId,
        String clientId,
        List<String> scopes,
        UUID authEventId,
        Instant authTime,
        String sessionId,
        boolean publicClient,
        boolean revoked) {

    public Grant {
        scopes = List.copyOf(scopes);
    }

    public Grant asPublicClient() {
        return new Grant(grantId, clientId, scopes, authEventId, authTime, sessionId, true, revoked);
    }

    public Grant revoke() {
        return new Grant(grantId, clientId, scopes, authEventId, authTime, sessionId, publicClient, true);
    }
}
