package app.xerosim;

/**
 * One phone of a contact, as Xero stores it: type plus number, area code and country code.
 *
 * @param type one of {@code DEFAULT}, {@code DDI}, {@code MOBILE}, {@code FAX}, {@code OFFICE}
 */
public record SimPhone(String type, String number, String areaCode, String countryCode) {

    public SimPhone {
        number = number == null ? "" : number;
        areaCode = areaCode == null ? "" : areaCode;
        countryCode = countryCode == null ? "" : countryCode;
    }

    public static SimPhone of(String type, String countryCode, String areaCode, String number) {
        return new SimPhone(type, number, areaCode, countryCode);
    }

    public boolean isEmpty() {
        return number.isEmpty() && areaCode.isEmpty() && countryCode.isEmpty();
    }
}
