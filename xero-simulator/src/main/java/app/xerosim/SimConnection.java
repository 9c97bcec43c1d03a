package app.xerosim;

import java.time.Instant;
import java.util.UUID;

/** One organisation connected to one app, as {@code GET /connections} reports it. */
public record SimConnection(
        UUID id, String clientId, UUID tenantId, UUID authEventId, Instant createdDateUtc, Instant updatedDateUtc) {}
