package app.kontor.contacts;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A client or other party of a practice. {@code version} rises with every change, so a stale edit is
 * refused rather than silently overwriting someone else's.
 */
public record Contact(
        ContactId id,
        PracticeId practiceId,
        ContactKind kind,
        String name,
        @Nullable String firstName,
        @Nullable String lastName,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        List<PostalAddress> addresses,
        String notes,
        boolean archived,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Contact {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
    }

    public Optional<EmailAddress> billingEmail() {
        return emails.stream().filter(EmailAddress::billing).findFirst();
    }

    public Optional<PhoneNumber> primaryPhone() {
        return phones.stream().filter(PhoneNumber::primary).findFirst();
    }

    public Optional<PostalAddress> billingAddress() {
        return addresses.stream().filter(PostalAddress::billing).findFirst();
    }

    /** This contact with the validated fields of an edit; archived flag, times and version unchanged. */
    public Contact with(ContactDraft draft) {
        return new Contact(
                id,
                practiceId,
                draft.kind(),
                draft.name(),
                draft.firstName(),
                draft.lastName(),
                draft.emails(),
                draft.phones(),
                draft.addresses(),
                draft.notes(),
                archived,
                createdAt,
                updatedAt,
                version);
    }

    public Contact withArchived(boolean archived) {
        return new Contact(
                id,
                practiceId,
                kind,
                name,
                firstName,
                lastName,
                emails,
                phones,
                addresses,
                notes,
                archived,
                createdAt,
                updatedAt,
                version);
    }

    public Contact withDetails(List<EmailAddress> emails, List<PhoneNumber> phones, List<PostalAddress> addresses) {
        return new Contact(
                id,
                practiceId,
                kind,
                name,
                firstName,
                lastName,
                emails,
                phones,
                addresses,
                notes,
                archived,
                createdAt,
                updatedAt,
                version);
    }

    /** This contact as saved at {@code updatedAt} with the next {@code version}. */
    Contact touched(Instant updatedAt, long version) {
        return new Contact(
                id,
                practiceId,
                kind,
                name,
                firstName,
                lastName,
                emails,
                phones,
                addresses,
                notes,
                archived,
                createdAt,
                updatedAt,
                version);
    }

    /** The fields a user edits, as they are now: the starting point of an edit. */
    public ContactInput toInput() {
        return new ContactInput(
                kind.name(),
                name,
                firstName,
                lastName,
                notes,
                emails.stream()
                        .map(e -> new ContactInput.EmailInput(e.label(), e.address(), e.billing()))
                        .toList(),
                phones.stream()
                        .map(p -> new ContactInput.PhoneInput(p.label(), p.display(), p.primary()))
                        .toList(),
                addresses.stream().map(PostalAddress::toInput).toList());
    }
}
