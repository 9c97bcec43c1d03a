package app.xerosim;

/**
 * One address of a contact. Contacts hold at most one {@code POBOX} (the billing address) and one
 * {@code STREET} address; {@code DELIVERY} is never stored on a contact.
 */
public record SimAddress(
        String type,
        String line1,
        String line2,
        String line3,
        String line4,
        String city,
        String region,
        String postalCode,
        String country,
        String attentionTo) {

    public SimAddress {
        line1 = line1 == null ? "" : line1;
        line2 = line2 == null ? "" : line2;
        line3 = line3 == null ? "" : line3;
        line4 = line4 == null ? "" : line4;
        city = city == null ? "" : city;
        region = region == null ? "" : region;
        postalCode = postalCode == null ? "" : postalCode;
        country = country == null ? "" : country;
        attentionTo = attentionTo == null ? "" : attentionTo;
    }

    public static SimAddress of(
            String type, String line1, String city, String region, String postalCode, String country) {
        return new SimAddress(type, line1, "", "", "", city, region, postalCode, country, "");
    }

    public boolean isEmpty() {
        return (line1 + line2 + line3 + line4 + city + region + postalCode + country + attentionTo).isEmpty();
    }
}
