package app.kontor.xero;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A Xero contact as Kontor needs it; {@code status} is Xero's {@code ContactStatus}. */
public record XeroContact(
        UUID contactId,
        String name,
        @Nullable String emailAddress,
        String status,
        @Nullable Instant updatedAt,
        @Nullable UUID mergedToContactId) {

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
