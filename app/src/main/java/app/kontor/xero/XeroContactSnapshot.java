package app.kontor.xero;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Xero contact exactly as one read returned it: the fields Kontor imports and syncs, Xero's own
 * JSON for the audit trail, and what could not be read. Reading is tolerant: a value Kontor cannot
 * understand is left empty and named in {@code problems}, never failing the page it came in.
 *
 * @param status Xero's {@code ContactStatus} as sent; {@link #knownStatus()} says whether it is one
 *     Kontor knows
 * @param rawJson the contact's JSON as Xero sent it
 */
public record XeroContactSnapshot(
        UUID contactId,
        @Nullable String name,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String emailAddress,
        String status,
        boolean customer,
        boolean supplier,
        NewXeroContact.@Nullable Phone defaultPhone,
        NewXeroContact.@Nullable Address postalAddress,
        NewXeroContact.@Nullable Address streetAddress,
        @Nullable Instant updatedAt,
        @Nullable UUID mergedToContactId,
        String rawJson,
        List<String> problems) {

    public static final String ACTIVE = "ACTIVE";
    public static final String ARCHIVED = "ARCHIVED";
    public static final String GDPR_REQUEST = "GDPRREQUEST";

    public XeroContactSnapshot {
        problems = List.copyOf(problems);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isArchived() {
        return ARCHIVED.equals(status);
    }

    public boolean isErasureRequested() {
        return GDPR_REQUEST.equals(status);
    }

    public boolean isMerged() {
        return mergedToContactId != null;
    }

    public boolean knownStatus() {
        return isActive() || isArchived() || isErasureRequested();
    }

    /** The name, trimmed; empty when Xero sent none. */
    public String displayName() {
        return name == null ? "" : name.strip();
    }

    /** This contact as the lighter {@link XeroContact} the Xero Client section shows. */
    public XeroContact summary() {
        return new XeroContact(
                contactId, displayName(), blankToNull(emailAddress), status, updatedAt, mergedToContactId);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
