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

    // The examples of /v3/api-docs: one client of a New Zealand practice, the same in every shape.
    private static final String ID = "3f2b8c1e-5d4a-4e7b-9c61-2a8f0e1d7b34";
    private static final String NAME = "Kauri Coast Joinery Ltd";
    private static final String FIRST_NAME = "Aroha";
    private static final String LAST_NAME = "Ngata";
    private static final String NOTES = "Balance date 31 March; GST filed two-monthly.";
    private static final String UPDATED_AT = "2026-11-24T03:40:51Z";
    private static final String EMAIL_LABEL = "Accounts";
    private static final String EMAIL = "accounts@kauri.example";
    private static final String PHONE_LABEL = "Office";
    private static final String PHONE = "+64 9 439 1200";
    private static final String ADDRESS_LABEL = "Postal";
    private static final String LINE1 = "Unit 4";
    private static final String LINE2 = "23 Victoria Street";
    private static final String LINE3 = "Kauri Coast Business Park";
    private static final String LINE4 = "PO Box 112";
    private static final String CITY = "Dargaville";
    private static final String REGION = "Northland";
    private static final String POSTAL_CODE = "0310";
    private static final String COUNTRY = "New Zealand";
    private static final String ATTENTION_TO = "Accounts Payable";

    @Schema(name = "Contact")
    record ContactResource(
            @Schema(example = ID) UUID id,

            @Schema(
                    example = "ORGANISATION",
                    allowableValues = {"PERSON", "ORGANISATION"})
            String type,

            @Schema(example = NAME) String name,
            @Schema(example = FIRST_NAME) @Nullable String firstName,
            @Schema(example = LAST_NAME) @Nullable String lastName,
            List<EmailResource> emails,
            List<PhoneResource> phones,
            List<AddressResource> addresses,
            @Schema(example = NOTES) String notes,
            @Schema(example = "false") boolean archived,
            @Schema(example = "2026-03-02T21:14:09Z") Instant createdAt,
            @Schema(example = UPDATED_AT) Instant updatedAt,

            @Schema(description = "Rises with every change; the ETag carries it too", example = "3")
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
    record EmailResource(
            @Schema(example = EMAIL_LABEL) String label,
            @Schema(example = EMAIL) String address,
            @Schema(example = "true") boolean billing) {}

    @Schema(name = "Phone")
    record PhoneResource(
            @Schema(example = PHONE_LABEL) String label,

            @Schema(description = "E.164, e.g. +6495550123", example = "+6494391200")
            String number,

            @Schema(description = "International format for display", example = PHONE)
            String display,

            @Schema(example = "true") boolean primary) {}

    @Schema(name = "Address")
    record AddressResource(
            @Schema(example = ADDRESS_LABEL) String label,
            @Schema(example = LINE1) String line1,
            @Schema(example = LINE2) String line2,
            @Schema(example = LINE3) String line3,
            @Schema(example = LINE4) String line4,
            @Schema(example = CITY) String city,
            @Schema(example = REGION) String region,
            @Schema(example = POSTAL_CODE) String postalCode,
            @Schema(example = COUNTRY) String country,
            @Schema(example = ATTENTION_TO) String attentionTo,
            @Schema(example = "true") boolean billing) {}

    @Schema(name = "ContactSummary")
    record ContactSummaryResource(
            @Schema(example = ID) UUID id,

            @Schema(
                    example = "ORGANISATION",
                    allowableValues = {"PERSON", "ORGANISATION"})
            String type,

            @Schema(example = NAME) String name,
            @Schema(example = EMAIL) @Nullable String billingEmail,
            @Schema(example = PHONE) @Nullable String primaryPhone,
            @Schema(example = "false") boolean archived,
            @Schema(example = UPDATED_AT) Instant updatedAt) {

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
            List<ContactSummaryResource> items,
            @Schema(example = "1") int page,
            @Schema(example = "50") int size,
            @Schema(example = "137") long totalItems,
            @Schema(example = "3") int totalPages) {}

    @Schema(name = "ContactRequest", description = "A whole contact; fields left out are cleared")
    record ContactRequest(
            @Schema(
                    example = "ORGANISATION",
                    allowableValues = {"PERSON", "ORGANISATION"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String type,

            @Schema(example = NAME, requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255) @Nullable
            String name,

            @Schema(example = FIRST_NAME, maxLength = 255) @Nullable
            String firstName,

            @Schema(example = LAST_NAME, maxLength = 255) @Nullable
            String lastName,

            @Nullable List<EmailRequest> emails,
            @Nullable List<PhoneRequest> phones,
            @Nullable List<AddressRequest> addresses,
            @Schema(example = NOTES) @Nullable String notes) {

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
            @Schema(example = EMAIL_LABEL) @Nullable String label,
            @Schema(example = EMAIL) @Nullable String address,
            @Schema(example = "true") @Nullable Boolean billing) {}

    record PhoneRequest(
            @Schema(example = PHONE_LABEL) @Nullable String label,

            @Schema(description = "Any common notation; stored as E.164", example = "09 439 1200") @Nullable
            String number,

            @Schema(example = "true") @Nullable Boolean primary) {}

    record AddressRequest(
            @Schema(example = ADDRESS_LABEL) @Nullable String label,
            @Schema(example = LINE1) @Nullable String line1,
            @Schema(example = LINE2) @Nullable String line2,
            @Schema(example = LINE3) @Nullable String line3,
            @Schema(example = LINE4) @Nullable String line4,
            @Schema(example = CITY) @Nullable String city,
            @Schema(example = REGION) @Nullable String region,
            @Schema(example = POSTAL_CODE) @Nullable String postalCode,
            @Schema(example = COUNTRY) @Nullable String country,
            @Schema(example = ATTENTION_TO) @Nullable String attentionTo,
            @Schema(example = "true") @Nullable Boolean billing) {}
}
