package app.kontor.xerosync;

import app.kontor.contacts.ContactDraft;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactInput.AddressInput;
import app.kontor.contacts.ContactInput.EmailInput;
import app.kontor.contacts.ContactInput.PhoneInput;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.ContactValidation;
import app.kontor.contacts.InvalidContactException;
import app.kontor.shared.ContactNames;
import app.kontor.xero.NewXeroContact;
import app.kontor.xero.XeroContactSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Xero's values as Kontor's (issue 6 item 4): Name, FirstName/LastName, EmailAddress as the billing
 * email, the DEFAULT phone as the primary phone, POBOX as the billing address and STREET as a
 * separate street address. A value Kontor's own rules reject is left out of the contact and
 * returned as a {@link Rejected} with Kontor's reason, so the caller keeps it raw and flags it.
 */
final class XeroValues {

    static final String EMAIL_LABEL = "Email";
    static final String PHONE_LABEL = "Phone";
    static final String POSTAL_LABEL = "Postal address";
    static final String STREET_LABEL = "Street address";

    private static final Pattern INDEXED = Pattern.compile("^(emails|phones|addresses)\\[(\\d+)].*");

    private XeroValues() {}

    /** A value Kontor could not take, in words an admin reads in the Needs attention list. */
    record Rejected(String field, @Nullable String rawValue, String reason) {}

    /**
     * A contact input Kontor accepts, as its rules checked it ({@code draft}, so a new contact need
     * not be checked twice), and what had to be left out of it.
     */
    record Mapped(ContactInput input, ContactDraft draft, List<Rejected> rejected) {}

    /**
     * A Person when Xero's FirstName and LastName are both there and together are the Name
     * (normalised), else an Organisation (DESIGN §1 rule 3).
     */
    static ContactKind kindOf(XeroContactSnapshot xero) {
        if (xero.firstName() == null || xero.lastName() == null) {
            return ContactKind.ORGANISATION;
        }
        var joined = ContactNames.normalise(xero.firstName() + " " + xero.lastName());
        return joined.equals(ContactNames.normalise(xero.displayName()))
                ? ContactKind.PERSON
                : ContactKind.ORGANISATION;
    }

    /** A new Kontor contact from a Xero contact. */
    static Mapped newContact(XeroContactSnapshot xero, String phoneRegion) {
        var person = kindOf(xero) == ContactKind.PERSON;
        var emails = new ArrayList<EmailInput>();
        if (xero.emailAddress() != null) {
            emails.add(new EmailInput(EMAIL_LABEL, xero.emailAddress(), true));
        }
        var phones = new ArrayList<PhoneInput>();
        var phone = phoneText(xero.defaultPhone());
        if (phone != null) {
            phones.add(new PhoneInput(PHONE_LABEL, phone, true));
        }
        var addresses = new ArrayList<AddressInput>();
        if (xero.postalAddress() != null) {
            addresses.add(address(POSTAL_LABEL, xero.postalAddress(), true));
        }
        if (xero.streetAddress() != null) {
            addresses.add(address(STREET_LABEL, xero.streetAddress(), false));
        }
        var input = new ContactInput(
                person ? ContactKind.PERSON.name() : ContactKind.ORGANISATION.name(),
                xero.displayName(),
                person ? xero.firstName() : null,
                person ? xero.lastName() : null,
                "",
                emails,
                phones,
                addresses);
        return acceptable(input, phoneRegion);
    }

    /**
     * {@code current} with Xero's values of the four synced fields (name, billing email, primary
     * phone, billing address) in place of Kontor's. A field Xero leaves empty keeps Kontor's value:
     * an empty field in Xero is no reason to lose what Kontor knows. With {@code before} (the Xero
     * contact as Kontor last applied it), only the fields Xero changed since are replaced, so an edit
     * made in Kontor to another field stays.
     */
    static Mapped replaceSyncedFields(
            ContactInput current, XeroContactSnapshot xero, @Nullable XeroContactSnapshot before, String phoneRegion) {
        var nameChanged = before == null
                || !Objects.equals(xero.displayName(), before.displayName())
                || !Objects.equals(xero.firstName(), before.firstName())
                || !Objects.equals(xero.lastName(), before.lastName());
        var emailChanged = before == null || !Objects.equals(xero.emailAddress(), before.emailAddress());
        var phoneChanged =
                before == null || !Objects.equals(phoneText(xero.defaultPhone()), phoneText(before.defaultPhone()));
        var addressChanged = before == null || !Objects.equals(xero.postalAddress(), before.postalAddress());

        var name = xero.displayName().isEmpty() || !nameChanged ? current.name() : xero.displayName();
        var person = ContactKind.PERSON.name().equals(current.kind());
        var firstName = person && nameChanged && xero.firstName() != null ? xero.firstName() : current.firstName();
        var lastName = person && nameChanged && xero.lastName() != null ? xero.lastName() : current.lastName();

        var emails = new ArrayList<>(current.emails());
        if (emailChanged && xero.emailAddress() != null) {
            var at = indexOf(emails.stream().map(EmailInput::billing).toList());
            var label = at < 0 ? EMAIL_LABEL : emails.get(at).label();
            replaceOrAdd(emails, at, new EmailInput(label, xero.emailAddress(), true));
        }
        var phones = new ArrayList<>(current.phones());
        var phone = phoneText(xero.defaultPhone());
        if (phoneChanged && phone != null) {
            var at = indexOf(phones.stream().map(PhoneInput::primary).toList());
            var label = at < 0 ? PHONE_LABEL : phones.get(at).label();
            replaceOrAdd(phones, at, new PhoneInput(label, phone, true));
        }
        var addresses = new ArrayList<>(current.addresses());
        if (addressChanged && xero.postalAddress() != null) {
            var at = indexOf(addresses.stream().map(AddressInput::billing).toList());
            var label = at < 0 ? POSTAL_LABEL : addresses.get(at).label();
            replaceOrAdd(addresses, at, address(label, xero.postalAddress(), true));
        }
        var input =
                new ContactInput(current.kind(), name, firstName, lastName, current.notes(), emails, phones, addresses);
        return acceptable(input, phoneRegion);
    }

    /**
     * Xero's DEFAULT phone as one number: {@code +64 9 4391200} with a country code, else area code
     * and number for Kontor to read in the practice's region. Empty parts are left out, never
     * written as "null".
     */
    static @Nullable String phoneText(NewXeroContact.@Nullable Phone phone) {
        if (phone == null || phone.number().isBlank()) {
            return null;
        }
        var country = phone.countryCode().strip().replaceFirst("^(\\+|00)", "");
        var national = Stream.of(phone.areaCode(), phone.number())
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return country.isEmpty() ? national : "+" + country + " " + national;
    }

    /** {@code input} without the values Kontor's rules reject, each named with the reason. */
    private static Mapped acceptable(ContactInput input, String phoneRegion) {
        var rejected = new ArrayList<Rejected>();
        try {
            return new Mapped(input, ContactValidation.validate(input, phoneRegion), rejected);
        } catch (InvalidContactException invalid) {
            var errors = invalid.errors().asMap();
            var emails = keep(
                    input.emails(), "emails", errors, rejected, e -> new Rejected("Billing email", e.address(), ""));
            var phones = keep(
                    input.phones(), "phones", errors, rejected, p -> new Rejected("Primary phone", p.number(), ""));
            var addresses = keep(
                    input.addresses(),
                    "addresses",
                    errors,
                    rejected,
                    a -> new Rejected(a.billing() ? "Billing address" : "Street address", singleLine(a), ""));
            var firstName = input.firstName();
            var lastName = input.lastName();
            var kind = input.kind();
            if (errors.containsKey("firstName") || errors.containsKey("lastName")) {
                rejected.add(new Rejected(
                        "First and last name",
                        String.join(" ", nonNull(firstName), nonNull(lastName)).strip(),
                        first(errors, "firstName", "lastName")));
                firstName = null;
                lastName = null;
                kind = ContactKind.ORGANISATION.name();
            }
            var cleaned =
                    new ContactInput(kind, input.name(), firstName, lastName, input.notes(), emails, phones, addresses);
            // Anything still wrong now (the name itself) cannot be left out: the caller gives up on it.
            return new Mapped(cleaned, ContactValidation.validate(cleaned, phoneRegion), rejected);
        }
    }

    private static <T> List<T> keep(
            List<T> values,
            String path,
            Map<String, String> errors,
            List<Rejected> rejected,
            java.util.function.Function<T, Rejected> describe) {
        var kept = new ArrayList<T>();
        for (var i = 0; i < values.size(); i++) {
            var reason = reasonFor(errors, path, i);
            if (reason == null) {
                kept.add(values.get(i));
            } else {
                var what = describe.apply(values.get(i));
                rejected.add(new Rejected(what.field(), what.rawValue(), reason));
            }
        }
        return kept;
    }

    private static @Nullable String reasonFor(Map<String, String> errors, String path, int index) {
        return errors.entrySet().stream()
                .filter(error -> {
                    var matcher = INDEXED.matcher(error.getKey());
                    return matcher.matches()
                            && matcher.group(1).equals(path)
                            && Integer.parseInt(matcher.group(2)) == index;
                })
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String first(Map<String, String> errors, String... fields) {
        for (var field : fields) {
            if (errors.containsKey(field)) {
                return errors.get(field);
            }
        }
        return "";
    }

    private static int indexOf(List<Boolean> flags) {
        return flags.indexOf(Boolean.TRUE);
    }

    private static <T> void replaceOrAdd(List<T> values, int at, T value) {
        if (at < 0) {
            values.add(value);
        } else {
            values.set(at, value);
        }
    }

    private static AddressInput address(String label, NewXeroContact.Address a, boolean billing) {
        return new AddressInput(
                label,
                a.line1(),
                a.line2(),
                a.line3(),
                a.line4(),
                a.city(),
                a.region(),
                a.postalCode(),
                a.country(),
                a.attentionTo(),
                billing);
    }

    private static String singleLine(AddressInput a) {
        return Stream.of(a.line1(), a.line2(), a.line3(), a.line4(), a.city(), a.region(), a.postalCode(), a.country())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
