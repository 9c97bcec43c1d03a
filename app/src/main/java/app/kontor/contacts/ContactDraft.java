package app.kontor.contacts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated contact, ready to be stored: normalised phones, trimmed text, at most one billing of each. */
public record ContactDraft(
        ContactKind kind,
        String name,
        @Nullable String firstName,
        @Nullable String lastName,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        List<PostalAddress> addresses,
        String notes) {

    public ContactDraft {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
    }
}
