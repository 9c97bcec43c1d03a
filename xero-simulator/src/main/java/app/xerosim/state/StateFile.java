package app.xerosim.state;

import app.xerosim.SimContact;
import app.xerosim.WebhookSubscription;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The data file's shape: everything needed to restart with the same organisations, contacts and tokens. */
public record StateFile(
        int version,
        SimUser user,
        String signingKey,
        List<OrgFile> organisations,
        List<RegisteredApp> apps,
        List<Connection> connections,
        List<Grant> grants,
        List<RefreshToken> refreshTokens,
        List<AuthCode> codes,
        List<IdempotentResponse> idempotency,
        @Nullable WebhookSubscription webhook) {

    public static final int CURRENT_VERSION = 1;

    /** One organisation and its contacts, in insertion order. */
    public record OrgFile(OrganisationInfo info, List<SimContact> contacts) {}
}
