package app.kontor.contacts.web;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactInput.EmailInput;
import app.kontor.contacts.ContactInput.PhoneInput;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/** Builds the edit that makes one email, phone or address the billing (or primary) one. */
final class MainDetail {

    private MainDetail() {}

    /** @throws IndexOutOfBoundsException when the contact has no such email, phone or address */
    static ContactInput choose(Contact contact, String detail, int index) {
        var input = contact.toInput();
        return switch (detail) {
            case "emails" ->
                input.withEmails(flag(
                        input.emails(), index, (email, main) -> new EmailInput(email.label(), email.address(), main)));
            case "phones" ->
                input.withPhones(flag(
                        input.phones(), index, (phone, main) -> new PhoneInput(phone.label(), phone.number(), main)));
            default ->
                input.withAddresses(flag(input.addresses(), index, (address, main) -> address.withBilling(main)));
        };
    }

    static String notice(String detail) {
        return switch (detail) {
            case "emails" -> "Billing email changed.";
            case "phones" -> "Primary phone changed.";
            default -> "Billing address changed.";
        };
    }

    private static <T> List<T> flag(List<T> all, int index, BiFunction<T, Boolean, T> withMain) {
        java.util.Objects.checkIndex(index, all.size());
        return IntStream.range(0, all.size())
                .mapToObj(i -> withMain.apply(all.get(i), i == index))
                .toList();
    }
}
