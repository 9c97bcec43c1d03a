package app.kontor.contacts.web;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactInput;
import java.util.ArrayList;

/** Builds the edit that makes one email, phone or address the billing (or primary) one. */
final class MainDetail {

    private MainDetail() {}

    static ContactInput choose(Contact contact, String detail, int index) {
        var input = contact.toInput();
        return switch (detail) {
            case "emails" -> {
                var emails = new ArrayList<ContactInput.EmailInput>();
                var all = input.emails();
                all.get(index); // fails fast on an index that does not exist
                for (var i = 0; i < all.size(); i++) {
                    var email = all.get(i);
                    emails.add(new ContactInput.EmailInput(email.label(), email.address(), i == index));
                }
                yield new ContactInput(
                        input.kind(),
                        input.name(),
                        input.firstName(),
                        input.lastName(),
                        input.notes(),
                        emails,
                        input.phones(),
                        input.addresses());
            }
            case "phones" -> {
                var phones = new ArrayList<ContactInput.PhoneInput>();
                var all = input.phones();
                all.get(index);
                for (var i = 0; i < all.size(); i++) {
                    var phone = all.get(i);
                    phones.add(new ContactInput.PhoneInput(phone.label(), phone.number(), i == index));
                }
                yield new ContactInput(
                        input.kind(),
                        input.name(),
                        input.firstName(),
                        input.lastName(),
                        input.notes(),
                        input.emails(),
                        phones,
                        input.addresses());
            }
            default -> {
                var addresses = new ArrayList<ContactInput.AddressInput>();
                var all = input.addresses();
                all.get(index);
                for (var i = 0; i < all.size(); i++) {
                    var a = all.get(i);
                    addresses.add(new ContactInput.AddressInput(
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
                            i == index));
                }
                yield new ContactInput(
                        input.kind(),
                        input.name(),
                        input.firstName(),
                        input.lastName(),
                        input.notes(),
                        input.emails(),
                        input.phones(),
                        addresses);
            }
        };
    }

    static String notice(String detail) {
        return switch (detail) {
            case "emails" -> "Billing email changed.";
            case "phones" -> "Primary phone changed.";
            default -> "Billing address changed.";
        };
    }
}
