package app.kontor.contacts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact as typed by a user or sent to the API, not yet validated. Every field may be missing or
 * wrong; {@link ContactValidation} turns it into a {@link ContactDraft} or field errors keyed by the
 * paths used here ({@code name}, {@code emails[0].address}, ...).
 */
public record ContactInput(
        @Nullable String kind,
        @Nullable String name,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String notes,
        List<EmailInput> emails,
        List<PhoneInput> phones,
        List<AddressInput> addresses) {

    public ContactInput {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    public ContactInput withEmails(List<EmailInput> emails) {
        return new ContactInput(kind, name, firstName, lastName, notes, emails, phones, addresses);
    }

    public ContactInput withPhones(List<PhoneInput> phones) {
        return new ContactInput(kind, name, firstName, lastName, notes, emails, phones, addresses);
    }

    public ContactInput withAddresses(List<AddressInput> addresses) {
        return new ContactInput(kind, name, firstName, lastName, notes, emails, phones, addresses);
    }

    public record EmailInput(
            @Nullable String label, @Nullable String address, boolean billing) {}

    public record PhoneInput(
            @Nullable String label, @Nullable String number, boolean primary) {}

    public record AddressInput(
            @Nullable String label,
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String line3,
            @Nullable String line4,
            @Nullable String city,
            @Nullable String region,
            @Nullable String postalCode,
            @Nullable String country,
            @Nullable String attentionTo,
            boolean billing) {

        public AddressInput withBilling(boolean billing) {
            return new AddressInput(
                    label, line1, line2, line3, line4, city, region, postalCode, country, attentionTo, billing);
        }
    }
}
