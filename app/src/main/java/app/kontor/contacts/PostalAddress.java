package app.kontor.contacts;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** An address of a contact, with Xero's fields; at most one per contact is the billing address. */
public record PostalAddress(
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
        boolean billing) {

    public ContactInput.AddressInput toInput() {
        return new ContactInput.AddressInput(
                label, line1, line2, line3, line4, city, region, postalCode, country, attentionTo, billing);
    }

    /** The address on one line, blank parts left out. */
    public String singleLine() {
        return Stream.of(line1, line2, line3, line4, city, region, postalCode, country)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(", "));
    }
}
