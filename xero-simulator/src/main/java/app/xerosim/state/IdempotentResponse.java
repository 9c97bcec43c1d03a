package app.xerosim.state;

import java.time.Instant;

/** The first response given for an Idempotency-Key, replayed for a repeat of the same request. */
public record IdempotentResponse(
        String scope, String fingerprint, int status, String contentType, byte[] body, Instant storedAt) {}
