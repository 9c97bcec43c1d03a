package app.kontor.contacts.web;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactInput.AddressInput;
import app.kontor.contacts.ContactInput.EmailInput;
import app.kontor.contacts.ContactInput.PhoneInput;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code New contact} and edit form. The billing email, primary phone and billing address have
 * fields of their own (the labels of DESIGN §1.1); any further emails, phones and addresses are rows.
 */
public record ContactForm(
        @Nullable String kind,
        @Nullable String name,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String billingEmail,
        @Nullable String primaryPhone,
        @Nullable String line1,
        @Nullable String line2,
        @Nullable String line3,
        @Nullable String line4,
        @Nullable String city,
        @Nullable String region,
        @Nullable String postalCode,
        @Nullable String country,
        @Nullable String attentionTo,
        @Nullable String notes,
        @Nullable List<LabelledValue> otherEmails,
        @Nullable List<LabelledValue> otherPhones,
        @Nullable List<OtherAddress> otherAddresses,
        @Nullable Long version) {

    private static final Pattern DETAIL_PATH = Pattern.compile("^(emails|phones|addresses)\\[(\\d+)]\\.(\\w+)$");

    public ContactForm {
        otherEmails = otherEmails == null ? List.of() : List.copyOf(otherEmails);
        otherPhones = otherPhones == null ? List.of() : List.copyOf(otherPhones);
        otherAddresses = otherAddresses == null ? List.of() : List.copyOf(otherAddresses);
    }

    /** A further email or phone: what it is for, and the value. */
    public record LabelledValue(
            @Nullable String label, @Nullable String value) {
        boolean isBlank() {
            return blank(value);
        }
    }

    /** A further address, e.g. a street address beside the billing one. */
    public record OtherAddress(
            @Nullable String label,
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String line3,
            @Nullable String line4,
            @Nullable String city,
            @Nullable String region,
            @Nullable String postalCode,
            @Nullable String country,
            @Nullable String attentionTo) {
        boolean isBlank() {
            return blank(line1)
                    && blank(line2)
                    && blank(line3)
                    && blank(line4)
                    && blank(city)
                    && blank(region)
                    && blank(postalCode)
                    && blank(country)
                    && blank(attentionTo);
        }
    }

    public static ContactForm blank() {
        return new ContactForm(
                ContactKind.ORGANISATION.name(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    public static ContactForm of(Contact contact) {
        var billing = contact.billingAddress();
        return new ContactForm(
                contact.kind().name(),
                contact.name(),
                contact.firstName(),
                contact.lastName(),
                contact.billingEmail().map(e -> e.address()).orElse(""),
                contact.primaryPhone().map(p -> p.display()).orElse(""),
                billing.map(a -> a.line1()).orElse(""),
                billing.map(a -> a.line2()).orElse(""),
                billing.map(a -> a.line3()).orElse(""),
                billing.map(a -> a.line4()).orElse(""),
                billing.map(a -> a.city()).orElse(""),
                billing.map(a -> a.region()).orElse(""),
                billing.map(a -> a.postalCode()).orElse(""),
                billing.map(a -> a.country()).orElse(""),
                billing.map(a -> a.attentionTo()).orElse(""),
                contact.notes(),
                contact.emails().stream()
                        .filter(e -> !e.billing())
                        .map(e -> new LabelledValue(e.label(), e.address()))
                        .toList(),
                contact.phones().stream()
                        .filter(p -> !p.primary())
                        .map(p -> new LabelledValue(p.label(), p.display()))
                        .toList(),
                contact.addresses().stream()
                        .filter(a -> !a.billing())
                        .map(a -> new OtherAddress(
                                a.label(),
                                a.line1(),
                                a.line2(),
                                a.line3(),
                                a.line4(),
                                a.city(),
                                a.region(),
                                a.postalCode(),
                                a.country(),
                                a.attentionTo()))
                        .toList(),
                contact.version());
    }

    /** The same form with one more blank row of the given kind ({@code email}, {@code phone}, {@code address}). */
    public ContactForm withBlankRow(String rowKind) {
        var emails = new ArrayList<>(otherEmails);
        var phones = new ArrayList<>(otherPhones);
        var addresses = new ArrayList<>(otherAddresses);
        switch (rowKind) {
            case "email" -> emails.add(new LabelledValue("", ""));
            case "phone" -> phones.add(new LabelledValue("", ""));
            case "address" -> addresses.add(new OtherAddress("", "", "", "", "", "", "", "", "", ""));
            default -> {}
        }
        return new ContactForm(
                kind,
                name,
                firstName,
                lastName,
                billingEmail,
                primaryPhone,
                line1,
                line2,
                line3,
                line4,
                city,
                region,
                postalCode,
                country,
                attentionTo,
                notes,
                emails,
                phones,
                addresses,
                version);
    }

    /** The same values, to be saved over {@code version}: what a user re-submits after a conflict. */
    public ContactForm withVersion(long version) {
        return new ContactForm(
                kind,
                name,
                firstName,
                lastName,
                billingEmail,
                primaryPhone,
                line1,
                line2,
                line3,
                line4,
                city,
                region,
                postalCode,
                country,
                attentionTo,
                notes,
                otherEmails,
                otherPhones,
                otherAddresses,
                version);
    }

    public boolean isPerson() {
        return ContactKind.PERSON.name().equals(kind);
    }

    public ContactInput toInput() {
        var emails = new ArrayList<EmailInput>();
        if (!blank(billingEmail)) {
            emails.add(new EmailInput("Billing", billingEmail, true));
        }
        otherEmails.stream()
                .filter(row -> !row.isBlank())
                .forEach(row -> emails.add(new EmailInput(row.label(), row.value(), false)));
        var phones = new ArrayList<PhoneInput>();
        if (!blank(primaryPhone)) {
            phones.add(new PhoneInput("Primary", primaryPhone, true));
        }
        otherPhones.stream()
                .filter(row -> !row.isBlank())
                .forEach(row -> phones.add(new PhoneInput(row.label(), row.value(), false)));
        var addresses = new ArrayList<AddressInput>();
        addresses.add(new AddressInput(
                "Billing", line1, line2, line3, line4, city, region, postalCode, country, attentionTo, true));
        otherAddresses.stream()
                .filter(row -> !row.isBlank())
                .forEach(row -> addresses.add(new AddressInput(
                        row.label(),
                        row.line1(),
                        row.line2(),
                        row.line3(),
                        row.line4(),
                        row.city(),
                        row.region(),
                        row.postalCode(),
                        row.country(),
                        row.attentionTo(),
                        false)));
        return new ContactInput(kind, name, firstName, lastName, notes, emails, phones, addresses);
    }

    /**
     * Maps validation errors of {@link #toInput()} back to this form's field names ({@code
     * billingEmail}, {@code otherEmails[1].value}, {@code city}, ...), so each shows beside its field.
     */
    public Map<String, String> fieldErrors(FieldErrors errors) {
        var emailRows = rowIndexes(
                !blank(billingEmail),
                otherEmails.stream().map(LabelledValue::isBlank).toList());
        var phoneRows = rowIndexes(
                !blank(primaryPhone),
                otherPhones.stream().map(LabelledValue::isBlank).toList());
        var addressRows = rowIndexes(
                true, otherAddresses.stream().map(OtherAddress::isBlank).toList());
        var mapped = new LinkedHashMap<String, String>();
        errors.asMap().forEach((path, message) -> {
            var matcher = DETAIL_PATH.matcher(path);
            if (!matcher.matches()) {
                mapped.putIfAbsent(path, message);
                return;
            }
            var index = Integer.parseInt(matcher.group(2));
            var property = matcher.group(3);
            var field = switch (matcher.group(1)) {
                case "emails" -> field(emailRows, index, "billingEmail", "otherEmails", property, "address");
                case "phones" -> field(phoneRows, index, "primaryPhone", "otherPhones", property, "number");
                default -> {
                    var row = addressRows.get(index);
                    yield row < 0 ? property : "otherAddresses[" + row + "]." + property;
                }
            };
            mapped.putIfAbsent(field, message);
        });
        return mapped;
    }

    /** For each input index, -1 for the billing/primary field, else the row index in the form. */
    private static List<Integer> rowIndexes(boolean hasMain, List<Boolean> rowBlank) {
        var indexes = new ArrayList<Integer>();
        if (hasMain) {
            indexes.add(-1);
        }
        for (var i = 0; i < rowBlank.size(); i++) {
            if (!rowBlank.get(i)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static String field(
            List<Integer> rows, int index, String mainField, String rowsField, String property, String valueProperty) {
        var row = rows.get(index);
        if (row < 0) {
            return mainField;
        }
        return rowsField + "[" + row + "]." + (property.equals(valueProperty) ? "value" : property);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
