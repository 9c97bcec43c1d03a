package app.kontor.xero.internal;

import app.kontor.xero.NewXeroContact;
import app.kontor.xero.XeroContact;
import app.kontor.xero.XeroDates;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Xero's JSON for contacts (XERO-CONTRACT §1.10-1.12), read tolerantly and written without empty fields. */
public final class XeroContactJson {

    private XeroContactJson() {}

    record Envelope(@JsonProperty("Contacts") @Nullable List<Contact> contacts) {

        List<Contact> list() {
            return contacts == null ? List.of() : contacts;
        }
    }

    record Contact(
            @JsonProperty("ContactID") @Nullable UUID contactId,
            @JsonProperty("Name") @Nullable String name,
            @JsonProperty("EmailAddress") @Nullable String emailAddress,
            @JsonProperty("ContactStatus") @Nullable String status,
            @JsonProperty("UpdatedDateUTC") @Nullable String updatedDateUtc,
            @JsonProperty("MergedToContactID") @Nullable UUID mergedToContactId,
            @JsonProperty("HasValidationErrors") @Nullable Boolean hasValidationErrors,
            @JsonProperty("ValidationErrors") @Nullable List<ValidationError> validationErrors) {

        List<String> messages() {
            return validationErrors == null
                    ? List.of()
                    : validationErrors.stream()
                            .map(ValidationError::message)
                            .filter(m -> m != null && !m.isBlank())
                            .toList();
        }

        @Nullable
        XeroContact toXeroContact() {
            if (contactId == null) {
                return null;
            }
            return new XeroContact(
                    contactId,
                    name == null ? "" : name,
                    emailAddress == null || emailAddress.isBlank() ? null : emailAddress,
                    status == null ? "ACTIVE" : status,
                    XeroDates.parse(updatedDateUtc).orElse(null),
                    mergedToContactId);
        }
    }

    record ValidationError(
            @JsonProperty("Message") @Nullable String message) {}

    /** The body of {@code PUT /Contacts} for one new contact. */
    public static Map<String, Object> createBody(NewXeroContact contact) {
        return updateBody(contact, List.of(), List.of());
    }

    /**
     * The body of {@code POST /Contacts/{ContactID}}: the synced fields Kontor has, and Xero's other
     * phones and addresses ({@code currentPhones}, {@code currentAddresses}, as Xero sent them) with
     * the {@code DEFAULT} phone and the {@code POBOX} address replaced by Kontor's.
     */
    static Map<String, Object> updateBody(
            NewXeroContact contact,
            List<Map<String, Object>> currentPhones,
            List<Map<String, Object>> currentAddresses) {
        var json = new LinkedHashMap<String, Object>();
        putIfPresent(json, "Name", contact.name());
        putIfPresent(json, "FirstName", contact.firstName());
        putIfPresent(json, "LastName", contact.lastName());
        putIfPresent(json, "EmailAddress", contact.emailAddress());
        if (contact.phone() != null) {
            var phone = new LinkedHashMap<String, Object>();
            phone.put("PhoneType", "DEFAULT");
            phone.put("PhoneCountryCode", contact.phone().countryCode());
            phone.put("PhoneAreaCode", contact.phone().areaCode());
            phone.put("PhoneNumber", contact.phone().number());
            json.put("Phones", replacing(currentPhones, "PhoneType", "DEFAULT", phone));
        }
        if (contact.address() != null) {
            var a = contact.address();
            var address = new LinkedHashMap<String, Object>();
            address.put("AddressType", "POBOX");
            putIfPresent(address, "AddressLine1", a.line1());
            putIfPresent(address, "AddressLine2", a.line2());
            putIfPresent(address, "AddressLine3", a.line3());
            putIfPresent(address, "AddressLine4", a.line4());
            putIfPresent(address, "City", a.city());
            putIfPresent(address, "Region", a.region());
            putIfPresent(address, "PostalCode", a.postalCode());
            putIfPresent(address, "Country", a.country());
            putIfPresent(address, "AttentionTo", a.attentionTo());
            json.put("Addresses", replacing(currentAddresses, "AddressType", "POBOX", address));
        }
        var contacts = new ArrayList<Object>();
        contacts.add(json);
        return Map.of("Contacts", contacts);
    }

    private static List<Map<String, Object>> replacing(
            List<Map<String, Object>> current, String typeField, String type, Map<String, Object> replacement) {
        var result = new ArrayList<Map<String, Object>>();
        for (var entry : current) {
            if (!type.equalsIgnoreCase(String.valueOf(entry.get(typeField)))) {
                result.add(entry);
            }
        }
        result.add(replacement);
        return result;
    }

    /** A value inside a {@code where} filter: quoted, with Xero's backslash escaping. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void putIfPresent(Map<String, Object> json, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }
}
