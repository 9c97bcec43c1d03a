package app.xerosim.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A refresh token. It rotates on use: the first use stamps {@code rotatedAt}, after which it keeps working
 * only for the grace period; unused, it expires after the idle period.
 */
public record RefreshToken(
        String token,
        String grantId,
        Instant issuedAt,
        @Nullable Instant rotatedAt) {

    public RefreshToken rotated(Instant at) {
        return rotatedAt != null ? this : new RefreshToken(token, grantId, issuedAt, at);
    }
}
