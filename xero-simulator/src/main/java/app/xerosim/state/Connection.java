package app.xerosim.state;

import java.time.Instant;
import java.util.UUID;

/** One organisation the user connected to one app; {@code authEventId} is shared by one consent's connections. */
public record Connection(
        UUID id, String clientId, UUID tenantId, UUID authEventId, Instant createdDateUtc, Instant updatedDateUtc) {}
