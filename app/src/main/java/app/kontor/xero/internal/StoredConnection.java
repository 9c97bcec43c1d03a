package app.kontor.xero.internal;

import app.kontor.shared.PracticeId;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.ImportFilter;
import app.kontor.xero.XeroConnection;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A connection row as stored: with its token ciphertexts, which never leave this package. */
record StoredConnection(
        PracticeId practiceId,
        UUID tenantId,
        String organisationName,
        String shortCode,
        @Nullable UUID xeroConnectionId,
        ConnectionStatus status,
        String connectedBy,
        Instant connectedAt,
        @Nullable String accessTokenCipher,
        @Nullable String refreshTokenCipher,
        @Nullable Instant accessExpiresAt,
        ImportFilter importFilter,
        boolean paused,
        @Nullable Instant lastSyncAt,
        @Nullable Instant nextSyncAt) {

    XeroConnection view() {
        return new XeroConnection(
                practiceId,
                tenantId,
                organisationName,
                shortCode,
                status,
                connectedBy,
                connectedAt,
                importFilter,
                paused,
                lastSyncAt,
                nextSyncAt);
    }
}
