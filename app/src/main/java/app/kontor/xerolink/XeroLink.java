package app.kontor.xerolink;

import app.kontor.shared.ContactId;
import java.time.Instant;
import java.util.UUID;

/** A Kontor contact's link to a contact of the practice's Xero organisation. */
public record XeroLink(
        ContactId contactId,
        UUID tenantId,
        UUID xeroContactId,
        LinkOrigin origin,
        String xeroName,
        String xeroStatus,
        String linkedBy,
        Instant linkedAt,
        Instant lastSyncedAt) {}
