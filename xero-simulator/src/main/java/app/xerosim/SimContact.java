package app.xerosim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the simulator stores it: an immutable snapshot, replaced on every change.
 *
 * <p>{@code phones} and {@code addresses} are keyed by type; the API always answers with all four classic
 * phone types and both address types, filling unset ones with empty strings. {@code other} keeps writable
 * fields the simulator does not interpret (for example {@code DefaultCurrency}) so they round-trip.
 */
public record SimContact(
        UUID contactId,
        @Nullable String contactNumber,
        @Nullable String accountNumber,
        ContactStatus status,
        String name,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String companyNumber,
        @Nullable String emailAddress,
        @Nullable String bankAccountDetails,
        @Nullable String taxNumber,
        Map<String, SimPhone> phones,
        Map<String, SimAddress> addresses,
        boolean supplier,
        boolean customer,
        @Nullable UUID mergedToContactId,
        Instant updatedDateUtc,
        Map<String, Object> other) {

    public SimContact {
        phones = Map.copyOf(phones);
        addresses = Map.copyOf(addresses);
        other = Map.copyOf(other);
    }

    public boolean isActive() {
        return status == ContactStatus.ACTIVE;
    }

    public @Nullable SimPhone phone(String type) {
        return phones.get(type);
    }

    public @Nullable SimAddress address(String type) {
        return addresses.get(type);
    }

    /** The phone types Xero always returns, in Xero's order. */
    public static final List<String> CLASSIC_PHONE_TYPES = List.of("DEFAULT", "DDI", "FAX", "MOBILE");

    /** The address types a contact can hold, in Xero's order. */
    public static final List<String> ADDRESS_TYPES = List.of("STREET", "POBOX");
}
