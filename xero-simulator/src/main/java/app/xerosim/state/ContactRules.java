package app.xerosim.state;

import app.xerosim.ContactChanges;
import app.xerosim.ContactStatus;
import app.xerosim.SimAddress;
import app.xerosim.SimContact;
import app.xerosim.SimPhone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Xero's rules for creating and changing a contact: what a change does, and the validation errors it
 * earns, with Xero's own messages where they are known (XERO-CONTRACT §1.10-1.13). Callers hold the lock.
 */
public final class ContactRules {

    /** The result of one create or update: a stored contact, or the messages that stopped it. */
    public record Outcome(
            @Nullable SimContact contact, @Nullable SimContact attempted, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static final int NAME_MAX = 255;
    public static final int SHORT_FIELD_MAX = 50;
    public static final int ADDRESS_LINE_MAX = 500;

    private ContactRules() {}

    public static Outcome create(OrgBook book, ContactChanges changes, Instant at) {
        return create(book, changes, at, UUID.randomUUID());
    }

    /** Creates with a chosen ContactID (the generator's, so runs repeat exactly). */
    public static Outcome create(OrgBook book, ContactChanges changes, Instant at, UUID contactId) {
        if (book.contact(contactId) != null) {
            return new Outcome(null, null, List.of("A contact with ContactID " + contactId + " already exists."));
        }
        Instant now = xeroPrecision(at);
        SimContact blank = new SimContact(
                contactId,
                null,
                null,
                ContactStatus.ACTIVE,
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                Map.of(),
                false,
                false,
                null,
                now,
                Map.of());
        return store(book, blank, apply(blank, changes, now), true);
    }

    /**
     * Applies {@code changes} to an existing contact. {@code bumpUpdatedDate} is false only for changes that
     * Xero does not count as edits (customer and supplier flags, when so configured).
     */
    public static Outcome update(
            OrgBook book, SimContact existing, ContactChanges changes, Instant now, boolean bumpUpdatedDate) {
        SimContact changed =
                apply(existing, changes, bumpUpdatedDate ? movedOn(existing, now) : existing.updatedDateUtc());
        return store(book, existing, changed, false);
    }

    /** Merges {@code from} into {@code into}: {@code from} is archived and points at the survivor. */
    public static SimContact merge(OrgBook book, SimContact from, SimContact into, Instant now) {
        SimContact merged = new SimContact(
                from.contactId(),
                from.contactNumber(),
                from.accountNumber(),
                ContactStatus.ARCHIVED,
                from.name(),
                from.firstName(),
                from.lastName(),
                from.companyNumber(),
                from.emailAddress(),
                from.bankAccountDetails(),
                from.taxNumber(),
                from.phones(),
                from.addresses(),
                from.supplier(),
                from.customer(),
                into.contactId(),
                movedOn(from, now),
                from.other());
        book.put(merged);
        return merged;
    }

    /** Xero keeps {@code UpdatedDateUTC} to the millisecond; so does the simulator, so order and equality match. */
    private static Instant xeroPrecision(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * A change's {@code UpdatedDateUTC}: {@code now}, but always later than the contact's last one (a
     * millisecond after it when the clock has not moved past it). The simulator can change a contact
     * twice within a millisecond, or under a frozen clock, which Xero cannot; without this the second
     * change would not count as one (no webhook event, not newer for If-Modified-Since).
     */
    private static Instant movedOn(SimContact before, Instant now) {
        Instant at = xeroPrecision(now);
        return at.isAfter(before.updatedDateUtc())
                ? at
                : before.updatedDateUtc().plusMillis(1);
    }

    private static Outcome store(OrgBook book, SimContact before, SimContact after, boolean creating) {
        List<String> errors = validate(book, before, after, creating);
        if (!errors.isEmpty()) {
            return new Outcome(null, after, errors);
        }
        book.put(after);
        return new Outcome(after, after, List.of());
    }

    private static List<String> validate(OrgBook book, SimContact before, SimContact after, boolean creating) {
        List<String> errors = new ArrayList<>();
        if (after.name().isBlank()) {
            errors.add("The contact name must be specified.");
        }
        max(errors, "Name", after.name(), NAME_MAX);
        max(errors, "FirstName", after.firstName(), NAME_MAX);
        max(errors, "LastName", after.lastName(), NAME_MAX);
        max(errors, "EmailAddress", after.emailAddress(), NAME_MAX);
        max(errors, "ContactNumber", after.contactNumber(), SHORT_FIELD_MAX);
        max(errors, "AccountNumber", after.accountNumber(), SHORT_FIELD_MAX);
        max(errors, "CompanyNumber", after.companyNumber(), SHORT_FIELD_MAX);
        max(errors, "TaxNumber", after.taxNumber(), SHORT_FIELD_MAX);
        for (SimPhone phone : after.phones().values()) {
            max(errors, "PhoneNumber", phone.number(), 50);
            max(errors, "PhoneAreaCode", phone.areaCode(), 10);
            max(errors, "PhoneCountryCode", phone.countryCode(), 20);
        }
        for (SimAddress address : after.addresses().values()) {
            max(errors, "AddressLine1", address.line1(), ADDRESS_LINE_MAX);
            max(errors, "AddressLine2", address.line2(), ADDRESS_LINE_MAX);
            max(errors, "AddressLine3", address.line3(), ADDRESS_LINE_MAX);
            max(errors, "AddressLine4", address.line4(), ADDRESS_LINE_MAX);
            max(errors, "City", address.city(), NAME_MAX);
            max(errors, "Region", address.region(), NAME_MAX);
            max(errors, "PostalCode", address.postalCode(), SHORT_FIELD_MAX);
            max(errors, "Country", address.country(), SHORT_FIELD_MAX);
            max(errors, "AttentionTo", address.attentionTo(), NAME_MAX);
        }
        if (after.isActive() && !after.name().isBlank()) {
            SimContact holder = book.activeNamed(after.name());
            if (holder != null && !holder.contactId().equals(after.contactId())) {
                errors.add("The contact name " + after.name()
                        + " is already assigned to another contact. The contact name must be unique across all"
                        + " active contacts.");
            }
        }
        if (after.contactNumber() != null && !after.contactNumber().isEmpty()) {
            SimContact holder = book.byContactNumber(after.contactNumber());
            if (holder != null && !holder.contactId().equals(after.contactId())) {
                errors.add("The contact number " + after.contactNumber()
                        + " is already assigned to another contact. The contact number must be unique across all"
                        + " contacts.");
            }
        }
        return errors;
    }

    private static void max(List<String> errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            // Xero's wording for over-long fields is not published; this names the field and the limit.
            errors.add("The " + field + " field must not be longer than " + max + " characters.");
        }
    }

    private static SimContact apply(SimContact c, ContactChanges ch, Instant updated) {
        Map<String, SimPhone> phones = new LinkedHashMap<>(c.phones());
        if (ch.phones() != null) {
            phones.putAll(ch.phones());
        }
        Map<String, SimAddress> addresses = new LinkedHashMap<>(c.addresses());
        if (ch.addresses() != null) {
            // Xero silently drops DELIVERY addresses sent on a contact (Xero-NetStandard#270).
            ch.addresses().forEach((type, address) -> {
                if (!"DELIVERY".equals(type)) {
                    addresses.put(type, address);
                }
            });
        }
        Map<String, Object> other = new LinkedHashMap<>(c.other());
        if (ch.other() != null) {
            other.putAll(ch.other());
        }
        return new SimContact(
                c.contactId(),
                or(ch.contactNumber(), c.contactNumber()),
                or(ch.accountNumber(), c.accountNumber()),
                ch.status() != null ? ch.status() : c.status(),
                ch.name() != null ? ch.name() : c.name(),
                or(ch.firstName(), c.firstName()),
                or(ch.lastName(), c.lastName()),
                or(ch.companyNumber(), c.companyNumber()),
                or(ch.emailAddress(), c.emailAddress()),
                or(ch.bankAccountDetails(), c.bankAccountDetails()),
                or(ch.taxNumber(), c.taxNumber()),
                phones,
                addresses,
                ch.supplier() != null ? ch.supplier() : c.supplier(),
                ch.customer() != null ? ch.customer() : c.customer(),
                c.mergedToContactId(),
                updated,
                other);
    }

    private static @Nullable String or(@Nullable String given, @Nullable String current) {
        return given != null ? given : current;
    }
}
