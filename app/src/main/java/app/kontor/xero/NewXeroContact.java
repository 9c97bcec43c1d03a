package app.kontor.xero;

import org.jspecify.annotations.Nullable;

/**
 * What Create Contact sends (DESIGN §1 rule 5): name, billing email, primary phone as Xero's
 * {@code DEFAULT} phone, billing address as its {@code POBOX} address, and a person's names.
 */
public record NewXeroContact(
        String name,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String emailAddress,
        @Nullable Phone phone,
        @Nullable Address address) {

    public record Phone(String countryCode, String areaCode, String number) {}

    public record Address(
            String line1,
            String line2,
            String line3,
            String line4,
            String city,
            String region,
            String postalCode,
            String country,
            String attentionTo) {

        /** The address on one line, blank parts left out. */
        public String singleLine() {
            return java.util.stream.Stream.of(line1, line2, line3, line4, city, region, postalCode, country)
                    .filter(part -> !part.isBlank())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }
}
