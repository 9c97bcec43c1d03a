package app.kontor.xero;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Xero's contact JSON (XERO-CONTRACT §1.10-1.12) into {@link XeroContactSnapshot}s, tolerantly:
 * unknown fields are ignored, and a value Kontor cannot understand is named in the snapshot's
 * problems rather than failing the other contacts.
 */
public final class XeroContactReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private XeroContactReader() {}

    /**
     * Every contact of a listing body, each with its own JSON kept. A body that is not a contact
     * listing at all is Xero's fault and fails the read; a contact with values Kontor cannot read is
     * kept, with those values named in its problems.
     */
    public static List<XeroContactSnapshot> page(byte[] body) {
        return listing(body).contacts();
    }

    /**
     * A listing of contacts as Xero sent it, from one parse of the body: the contacts as {@link
     * #page(byte[])} reads them, and {@code pagination.itemCount} when Xero sent one.
     */
    public record Listing(
            List<XeroContactSnapshot> contacts, @Nullable Integer itemCount) {}

    /** {@link #page(byte[])} and the listing's item count, reading the body once. */
    public static Listing listing(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            throw new XeroApiException(502, "Xero answered with a contact list Kontor could not read.", List.of());
        }
        var contacts = root == null ? null : root.get("Contacts");
        if (contacts == null || !contacts.isArray()) {
            throw new XeroApiException(502, "Xero answered without a contact list.", List.of());
        }
        var snapshots = new ArrayList<XeroContactSnapshot>(contacts.size());
        for (var contact : contacts) {
            var snapshot = snapshot(contact);
            if (snapshot != null) {
                snapshots.add(snapshot);
            }
        }
        var count = root.path("pagination").path("itemCount");
        return new Listing(snapshots, count.isInt() ? count.intValue() : null);
    }

    /**
     * The contact Create Contact made, as Kontor sent it: what Xero holds right after the create, for
     * comparing later reads with. Its {@code UpdatedDateUTC} is unknown, so any read of it is newer.
     */
    public static XeroContactSnapshot created(UUID contactId, NewXeroContact sent) {
        var json = JSON.createObjectNode();
        json.put("ContactID", contactId.toString());
        json.put("ContactStatus", XeroContactSnapshot.ACTIVE);
        json.setAll((tools.jackson.databind.node.ObjectNode)
                JSON.valueToTree(app.kontor.xero.internal.XeroContactJson.createBody(sent))
                        .path("Contacts")
                        .path(0));
        return one(json.toString()).orElseThrow();
    }

    /** The validation messages of the first contact of an answer that has {@code HasValidationErrors}. */
    public static List<String> validationMessages(byte[] body) {
        try {
            var first = JSON.readTree(body).path("Contacts").path(0);
            if (!first.path("HasValidationErrors").asBoolean(false)) {
                return List.of();
            }
            var messages = new ArrayList<String>();
            for (var error : first.path("ValidationErrors")) {
                var message = error.path("Message").asString("");
                if (!message.isBlank()) {
                    messages.add(message);
                }
            }
            return messages.isEmpty() ? List.of("Xero refused the values.") : messages;
        } catch (JacksonException notJson) {
            return List.of();
        }
    }

    /** The objects of one array field of a contact's JSON (e.g. its {@code Phones}), as plain maps. */
    public static List<java.util.Map<String, Object>> objects(String rawJson, String field) {
        try {
            var array = JSON.readTree(rawJson).path(field);
            var result = new ArrayList<java.util.Map<String, Object>>();
            for (var element : array) {
                if (element.isObject()) {
                    result.add(JSON.convertValue(
                            element,
                            new tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {}));
                }
            }
            return result;
        } catch (JacksonException unreadable) {
            return List.of();
        }
    }

    private static @Nullable XeroContactSnapshot snapshot(JsonNode contact) {
        var problems = new ArrayList<String>();
        var id = uuid(contact, "ContactID", problems);
        if (id == null) {
            // Without its id a contact cannot be linked or found again; the page's other contacts go on.
            return null;
        }
        var name = text(contact, "Name");
        if (name == null || name.isBlank()) {
            problems.add("Xero sent this contact without a name.");
        }
        var status = text(contact, "ContactStatus");
        if (status == null || status.isBlank()) {
            status = XeroContactSnapshot.ACTIVE;
        } else if (!List.of(XeroContactSnapshot.ACTIVE, XeroContactSnapshot.ARCHIVED, XeroContactSnapshot.GDPR_REQUEST)
                .contains(status)) {
            problems.add("Xero sent a contact status Kontor does not know: " + status + ".");
        }
        var updatedText = text(contact, "UpdatedDateUTC");
        var updated = XeroDates.parse(updatedText).orElse(null);
        if (updated == null && updatedText != null && !updatedText.isBlank()) {
            problems.add("Xero sent an UpdatedDateUTC Kontor could not read: " + updatedText + ".");
        }
        NewXeroContact.Phone phone = null;
        for (var candidate : contact.path("Phones")) {
            if ("DEFAULT".equals(text(candidate, "PhoneType"))) {
                phone = phone(candidate);
            }
        }
        NewXeroContact.Address postal = null;
        NewXeroContact.Address street = null;
        for (var candidate : contact.path("Addresses")) {
            var type = text(candidate, "AddressType");
            if ("POBOX".equals(type)) {
                postal = address(candidate);
            } else if ("STREET".equals(type)) {
                street = address(candidate);
            }
        }
        return new XeroContactSnapshot(
                id,
                name,
                blankToNull(text(contact, "FirstName")),
                blankToNull(text(contact, "LastName")),
                blankToNull(text(contact, "EmailAddress")),
                status,
                contact.path("IsCustomer").asBoolean(false),
                contact.path("IsSupplier").asBoolean(false),
                phone,
                postal,
                street,
                updated,
                uuid(contact, "MergedToContactID", problems),
                contact.toString(),
                problems);
    }

    private static NewXeroContact.@Nullable Phone phone(JsonNode phone) {
        var number = orEmpty(text(phone, "PhoneNumber"));
        if (number.isBlank()) {
            return null;
        }
        return new NewXeroContact.Phone(
                orEmpty(text(phone, "PhoneCountryCode")), orEmpty(text(phone, "PhoneAreaCode")), number);
    }

    private static NewXeroContact.@Nullable Address address(JsonNode address) {
        var parsed = new NewXeroContact.Address(
                orEmpty(text(address, "AddressLine1")),
                orEmpty(text(address, "AddressLine2")),
                orEmpty(text(address, "AddressLine3")),
                orEmpty(text(address, "AddressLine4")),
                orEmpty(text(address, "City")),
                orEmpty(text(address, "Region")),
                orEmpty(text(address, "PostalCode")),
                orEmpty(text(address, "Country")),
                orEmpty(text(address, "AttentionTo")));
        // Xero sends both address types on every contact, empty when unset (XERO-CONTRACT §1.12).
        var empty = (parsed.line1()
                        + parsed.line2()
                        + parsed.line3()
                        + parsed.line4()
                        + parsed.city()
                        + parsed.region()
                        + parsed.postalCode()
                        + parsed.country())
                .isBlank();
        return empty ? null : parsed;
    }

    private static @Nullable UUID uuid(JsonNode node, String field, List<String> problems) {
        var value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            problems.add("Xero sent a " + field + " Kontor could not read: " + value + ".");
            return null;
        }
    }

    /** A field's text; numbers and booleans as their text, anything else (objects, arrays, null) as none. */
    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One contact from the JSON Kontor kept of it; empty when that JSON is gone (erased) or unreadable. */
    public static Optional<XeroContactSnapshot> one(@Nullable String rawJson) {
        if (rawJson == null || rawJson.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(snapshot(JSON.readTree(rawJson)));
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }
}
