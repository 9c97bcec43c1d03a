package app.kontor.xerosync;

import app.kontor.contacts.Contact;
import app.kontor.contacts.EmailAddress;
import app.kontor.contacts.PhoneNumber;
import app.kontor.contacts.PostalAddress;
import java.util.ArrayList;
import java.util.Objects;

/** The four fields that sync with Xero (DESIGN §1 rule 5), and how a change to them reads in the history. */
final class SyncedFields {

    private SyncedFields() {}

    /** "Billing email: a@x.com → b@x.com; Primary phone: (none) → +64 9 555 0123", or empty when none changed. */
    static String changes(Contact before, Contact after) {
        var changes = new ArrayList<String>();
        change(changes, "Name", before.name(), after.name());
        change(
                changes,
                "Billing email",
                before.billingEmail().map(EmailAddress::address).orElse(""),
                after.billingEmail().map(EmailAddress::address).orElse(""));
        change(
                changes,
                "Primary phone",
                before.primaryPhone().map(PhoneNumber::display).orElse(""),
                after.primaryPhone().map(PhoneNumber::display).orElse(""));
        change(
                changes,
                "Billing address",
                before.billingAddress().map(PostalAddress::singleLine).orElse(""),
                after.billingAddress().map(PostalAddress::singleLine).orElse(""));
        return String.join("; ", changes);
    }

    private static void change(ArrayList<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before.isEmpty() ? "(none)" : before) + " → "
                    + (after.isEmpty() ? "(none)" : after));
        }
    }
}
