package app.kontor.xerosync;

import app.kontor.shared.ContactId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the {@code Needs attention} list: a value from Xero that Kontor could not take as it
 * is, kept raw with the reason, and the Kontor contact it concerns when there is one.
 */
public record SyncProblem(
        UUID id,
        @Nullable UUID xeroContactId,
        @Nullable ContactId contactId,
        String xeroName,
        String field,
        @Nullable String rawValue,
        String reason,
        Instant noticedAt) {}
