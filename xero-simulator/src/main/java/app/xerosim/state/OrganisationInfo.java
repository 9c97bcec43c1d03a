package app.xerosim.state;

import java.time.Instant;
import java.util.UUID;

/** An organisation's own facts, as {@code GET /Organisation} reports them. */
public record OrganisationInfo(
        UUID tenantId,
        String name,
        String shortCode,
        String countryCode,
        String baseCurrency,
        String timezone,
        Instant createdDateUtc) {}
