package app.kontor.contacts.rest;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactListItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the contacts API: what it returns and what it accepts. */
final class ContactResources {

    private ContactResources() {}

    @Schema(name = "Contact")
    record ContactResource(
            UUID id,

            @Schema(allowableValues = {"PERSON", "ORGANISATION"})
            String type,

            String name,
            @Nullable String firstName,
            @Nullable String lastName,
            List<EmailResource> emails,
            List<PhoneResource> phones,
            List<AddressResource> addresses,
            String notes,
            boolean archived,
            Instant createdAt,
            Instant updatedAt,

            @Schema(description = "Rises with every change; the ETag carries it too")
            long version) {

        static ContactResource of(Contact contact) {
            return new ContactResource(
                    contact.id().value(),
                    contact.kind().name(),
                    contact.name(),
                    contact.firstName(),
                    contact.lastName(),
                    contact.emails().stream()
                            .map(e -> new EmailResource(e.label(), e.address(), e.billing()))
                            .toList(),
                    contact.phones().stream()
                            .map(p -> new PhoneResource(p.label(), p.e164(), p.display(), p.primary()))
                            .toList(),
                    contact.addresses().stream()
                            .map(a -> new AddressResource(
                                    a.label(),
                                    a.line1(),
                                    a.line2(),
                                    a.line3(),
                                    a.line4(),
                                    a.city(),
                                    a.region(),
                                    a.postalCode(),
                                    a.country(),
                                    a.attentionTo(),
                                    a.billing()))
                            .toList(),
                    contact.notes(),
                    contact.archived(),
                    contact.createdAt(),
                    contact.updatedAt(),
                    contact.version());
        }
    }

    @Schema(name = "Email")
    record EmailResource(String label, String address, boolean billing) {}

    @Schema(name = "Phone")
    record PhoneResource(
            String label,
            @Schema(description = "E.164, e.g. +6495550123") String number,

            @Schema(description = "International format for display")
            String display,

            boolean primary) {}

    @Schema(name = "Address")
    record AddressResource(
            String label,
            String line1,
            String line2,
            String line3,
            String line4,
            String city,
            String region,
            String postalCode,
            String country,
            String attentionTo,
            boolean billing) {}

    @Schema(name = "ContactSummary")
    record ContactSummaryResource(
            UUID id,
            String type,
            String name,
            @Nullable String billingEmail,
            @Nullable String primaryPhone,
            boolean archived,
            Instant updatedAt) {

        static ContactSummaryResource of(ContactListItem item) {
            return new ContactSummaryResource(
                    item.id().value(),
                    item.kind().name(),
                    item.name(),
                    item.billingEmail(),
                    item.primaryPhone(),
                    item.archived(),
                    item.updatedAt());
        }
    }

    @Schema(name = "ContactPage")
    record ContactPageResource(
            List<ContactSummaryResource> items, int page, int size, long totalItems, int totalPages) {}

    @Schema(name = "ContactRequest", description = "A whole contact; fields left out are cleared")
    record ContactRequest(
            @Schema(
                    allowableValues = {"PERSON", "ORGANISATION"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255) @Nullable
            String name,

            @Schema(maxLength = 255) @Nullable String firstName,
            @Schema(maxLength = 255) @Nullable String lastName,
            @Nullable List<EmailRequest> emails,
            @Nullable List<PhoneRequest> phones,
            @Nullable List<AddressRequest> addresses,
            @Nullable String notes) {

        ContactInput toInput() {
            return new ContactInput(
                    type,
                    name,
                    firstName,
                    lastName,
                    notes,
                    emails == null
                            ? List.of()
                            : emails.stream()
                                    .map(e -> new ContactInput.EmailInput(
                                            e.label(), e.address(), Boolean.TRUE.equals(e.billing())))
                                    .toList(),
                    phones == null
                            ? List.of()
                            : phones.stream()
                                    .map(p -> new ContactInput.PhoneInput(
                                            p.label(), p.number(), Boolean.TRUE.equals(p.primary())))
                                    .toList(),
                    addresses == null
                            ? List.of()
                            : addresses.stream()
                                    .map(a -> new ContactInput.AddressInput(
                                            a.label(),
                                            a.line1(),
                                            a.line2(),
                                            a.line3(),
                                            a.line4(),
                                            a.city(),
                                            a.region(),
                                            a.postalCode(),
                                            a.country(),
                                            a.attentionTo(),
                                            Boolean.TRUE.equals(a.billing())))
                                    .toList());
        }
    }

    record EmailRequest(
            @Nullable String label,
            @Nullable String address,
            @Nullable Boolean billing) {}

    record PhoneRequest(
            @Nullable String label,

            @Schema(description = "Any common notation; stored as E.164") @Nullable
            String number,

            @Nullable Boolean primary) {}

    record AddressRequest(
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
            @Nullable Boolean billing) {}
}
