package app.kontor.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a user typed into a {@link ContactDraft}, or explains in plain words what is wrong.
 * Maximum lengths are Xero's (XERO-CONTRACT §1.10-1.12), so any valid contact can later be sent to
 * Xero unchanged. Blank rows of emails, phones and addresses are dropped, not errors.
 */
public final class ContactValidation {

    static final int NAME_MAX = 255;
    static final int EMAIL_MAX = 255;
    static final int PHONE_MAX = 50;
    static final int LABEL_MAX = 50;
    static final int ADDRESS_LINE_MAX = 500;
    static final int CITY_MAX = 255;
    static final int REGION_MAX = 255;
    static final int POSTAL_CODE_MAX = 50;
    static final int COUNTRY_MAX = 50;
    static final int ATTENTION_TO_MAX = 255;
    static final int NOTES_MAX = 10_000;

    /** The HTML living standard's email syntax, plus a dot in the domain; ASCII only, as Xero rejects umlauts. */
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private ContactValidation() {}

    /**
     * @param defaultRegion ISO 3166 region for phone numbers typed without a country code
     * @throws InvalidContactException with every problem found, when the input is not a valid contact
     */
    public static ContactDraft validate(ContactInput input, String defaultRegion) {
        var errors = new FieldErrors();
        var kind = ContactKind.parse(text(input.kind())).orElse(null);
        if (kind == null) {
            errors.add("kind", "Choose Person or Organisation.");
        }
        var firstName = optional(input.firstName(), "firstName", "First name", NAME_MAX, errors);
        var lastName = optional(input.lastName(), "lastName", "Last name", NAME_MAX, errors);
        var name = text(input.name());
        if (name.isEmpty() && kind == ContactKind.PERSON) {
            // A person's name defaults to first and last name, as a user would expect.
            name = String.join(" ", nonBlank(firstName, lastName));
        }
        if (name.isEmpty()) {
            errors.add("name", "Enter a name.");
        } else {
            checkLine(name, "name", "Name", NAME_MAX, errors);
        }
        var notes = input.notes() == null ? "" : input.notes().strip();
        if (notes.length() > NOTES_MAX) {
            errors.add("notes", "Notes can be at most " + NOTES_MAX + " characters.");
        }

        var emails = emails(input.emails(), errors);
        var phones = phones(input.phones(), defaultRegion, errors);
        var addresses = addresses(input.addresses(), errors);

        if (!errors.isEmpty() || kind == null) {
            throw new InvalidContactException(errors);
        }
        return new ContactDraft(kind, name, firstName, lastName, emails, phones, addresses, notes);
    }

    private static List<EmailAddress> emails(List<ContactInput.EmailInput> inputs, FieldErrors errors) {
        var emails = new ArrayList<EmailAddress>();
        var billingCount = 0;
        for (var i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            var field = "emails[" + i + "]";
            var address = text(input.address());
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > EMAIL_MAX) {
                errors.add(field + ".address", "An email can be at most " + EMAIL_MAX + " characters.");
            } else if (!EMAIL.matcher(address).matches()) {
                errors.add(field + ".address", "Enter an email address like name@example.com.");
            }
            var label = label(input.label(), "Email", field, errors);
            if (input.billing()) {
                billingCount++;
                if (billingCount > 1) {
                    errors.add(field + ".billing", "Only one email can be the billing email.");
                }
            }
            emails.add(new EmailAddress(label, address, input.billing()));
        }
        return emails;
    }

    private static List<PhoneNumber> phones(
            List<ContactInput.PhoneInput> inputs, String defaultRegion, FieldErrors errors) {
        var util = PhoneNumberUtil.getInstance();
        var phones = new ArrayList<PhoneNumber>();
        var primaryCount = 0;
        for (var i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            var field = "phones[" + i + "]";
            var number = text(input.number());
            if (number.isEmpty()) {
                continue;
            }
            var label = label(input.label(), "Phone", field, errors);
            if (input.primary()) {
                primaryCount++;
                if (primaryCount > 1) {
                    errors.add(field + ".primary", "Only one phone can be the primary phone.");
                }
            }
            if (number.length() > PHONE_MAX) {
                errors.add(field + ".number", "A phone number can be at most " + PHONE_MAX + " characters.");
                continue;
            }
            try {
                var parsed = util.parse(number, defaultRegion);
                if (!util.isPossibleNumber(parsed)) {
                    errors.add(field + ".number", "This is not a phone number we can dial; check the digits.");
                    continue;
                }
                phones.add(new PhoneNumber(
                        label, util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), input.primary()));
            } catch (NumberParseException unreadable) {
                errors.add(
                        field + ".number",
                        "Enter a phone number, with its country code (like +64) if it is not in " + defaultRegion
                                + ".");
            }
        }
        return phones;
    }

    private static List<PostalAddress> addresses(List<ContactInput.AddressInput> inputs, FieldErrors errors) {
        var addresses = new ArrayList<PostalAddress>();
        var billingCount = 0;
        for (var i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            var field = "addresses[" + i + "]";
            var address = new PostalAddress(
                    text(input.label()),
                    line(input.line1(), field + ".line1", "Address line 1", ADDRESS_LINE_MAX, errors),
                    line(input.line2(), field + ".line2", "Address line 2", ADDRESS_LINE_MAX, errors),
                    line(input.line3(), field + ".line3", "Address line 3", ADDRESS_LINE_MAX, errors),
                    line(input.line4(), field + ".line4", "Address line 4", ADDRESS_LINE_MAX, errors),
                    line(input.city(), field + ".city", "City", CITY_MAX, errors),
                    line(input.region(), field + ".region", "Region", REGION_MAX, errors),
                    line(input.postalCode(), field + ".postalCode", "Postal code", POSTAL_CODE_MAX, errors),
                    line(input.country(), field + ".country", "Country", COUNTRY_MAX, errors),
                    line(input.attentionTo(), field + ".attentionTo", "Attention to", ATTENTION_TO_MAX, errors),
                    input.billing());
            if (address.singleLine().isEmpty() && address.attentionTo().isEmpty()) {
                continue;
            }
            var label = label(input.label(), "Address", field, errors);
            if (input.billing()) {
                billingCount++;
                if (billingCount > 1) {
                    errors.add(field + ".billing", "Only one address can be the billing address.");
                }
            }
            addresses.add(new PostalAddress(
                    label,
                    address.line1(),
                    address.line2(),
                    address.line3(),
                    address.line4(),
                    address.city(),
                    address.region(),
                    address.postalCode(),
                    address.country(),
                    address.attentionTo(),
                    address.billing()));
        }
        return addresses;
    }

    private static String label(@Nullable String label, String fallback, String field, FieldErrors errors) {
        var text = text(label);
        if (text.isEmpty()) {
            return fallback;
        }
        return line(text, field + ".label", "A label", LABEL_MAX, errors);
    }

    private static @Nullable String optional(
            @Nullable String value, String field, String what, int max, FieldErrors errors) {
        var text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        return line(text, field, what, max, errors);
    }

    private static String line(@Nullable String value, String field, String what, int max, FieldErrors errors) {
        var text = text(value);
        checkLine(text, field, what, max, errors);
        return text;
    }

    private static void checkLine(String text, String field, String what, int max, FieldErrors errors) {
        if (text.length() > max) {
            errors.add(field, what + " can be at most " + max + " characters.");
        } else if (CONTROL_CHARACTERS.matcher(text).find() || text.contains("\n") || text.contains("\r")) {
            errors.add(field, what + " must be a single line of text.");
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> nonBlank(@Nullable String... parts) {
        var result = new ArrayList<String>();
        for (var part : parts) {
            if (part != null && !part.isBlank()) {
                result.add(part);
            }
        }
        return result;
    }
}
