package app.kontor.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * A phone of a contact, stored in E.164 form ({@code +6495550123}); at most one per contact is the
 * primary phone.
 */
public record PhoneNumber(String label, String e164, boolean primary) {

    /** The number in international notation, e.g. {@code +64 9 555 0123}. */
    public String display() {
        var util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException storedBeforeStricterRules) {
            return e164;
        }
    }
}
