package app.kontor.contacts;

import app.kontor.shared.ContactId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of a contact list. {@code primaryPhone} is already formatted for display. */
public record ContactListItem(
        ContactId id,
        ContactKind kind,
        String name,
        @Nullable String billingEmail,
        @Nullable String primaryPhone,
        boolean archived,
        Instant updatedAt) {}
