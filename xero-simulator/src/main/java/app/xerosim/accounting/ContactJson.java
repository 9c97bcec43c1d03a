package app.xerosim.accounting;

import app.xerosim.ContactChanges;
import app.xerosim.ContactStatus;
import app.xerosim.SimAddress;
import app.xerosim.SimContact;
import app.xerosim.SimPhone;
import app.xerosim.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contacts to and from Xero's JSON. Reading is as lenient as Xero's .NET binder where that is known (names
 * compare case-insensitively, unknown fields are ignored, numbers become strings) and strict on types
 * otherwise: a wrong type fails the whole request as {@code PostDataInvalidException}.
 */
final class ContactJson {

    /** A body Xero could not bind; the message goes after "JSON for post data was invalid,". */
    static final class BadPostData extends RuntimeException {
        BadPostData(String message) {
            super(message, null, false, false);
        }
    }

    /** One element of a request: an optional id (or number) and the changes. */
    record Input(@Nullable UUID contactId, ContactChanges changes, ObjectNode raw) {}

    static final UUID EMPTY_ID = new UUID(0, 0);

    /** Writable fields the simulator does not interpret but keeps, so they round-trip. */
    private static final Set<String> PASS_THROUGH = Set.of(
            "DefaultCurrency",
            "AccountsReceivableTaxType",
            "AccountsPayableTaxType",
            "TaxNumberType",
            "SalesDefaultAccountCode",
            "PurchasesDefaultAccountCode",
            "SalesDefaultLineAmountType",
            "PurchasesDefaultLineAmountType",
            "ContactPersons",
            "PaymentTerms",
            "BatchPayments",
            "XeroNetworkKey",
            "TrackingCategoryName",
            "TrackingCategoryOption",
            "SalesTrackingCategories",
            "PurchasesTrackingCategories",
            "BrandingTheme",
            "Discount",
            "Website");

    private static final Set<String> PHONE_TYPES = Set.of("DEFAULT", "DDI", "MOBILE", "FAX", "OFFICE");
    private static final Set<String> ADDRESS_TYPES = Set.of("POBOX", "STREET", "DELIVERY");

    private ContactJson() {}

    // ---- reading ---------------------------------------------------------------------------------

    /** The elements of a {@code {"Contacts":[...]}} body; {@code null} when there is no such array. */
    static @Nullable List<JsonNode> elements(JsonNode body) {
        if (!body.isObject()) {
            return null;
        }
        JsonNode contacts = field(body, "Contacts");
        if (contacts == null || contacts.isNull()) {
            return null;
        }
        if (!contacts.isArray()) {
            throw new BadPostData("Expected an array for 'Contacts'. Path 'Contacts'.");
        }
        if (contacts.isEmpty()) {
            return null;
        }
        return List.copyOf(contacts.values());
    }

    static Input read(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new BadPostData("Expected a contact object. Path '" + path + "'.");
        }
        ObjectNode object = (ObjectNode) node;
        UUID id = null;
        String idText = string(object, "ContactID", path);
        if (idText != null && !idText.isEmpty()) {
            try {
                id = UUID.fromString(idText);
            } catch (IllegalArgumentException e) {
                throw new BadPostData("Error converting value \"" + idText + "\" to type 'System.Guid'. Path '" + path
                        + ".ContactID'.");
            }
        }
        ContactStatus status = null;
        String statusText = string(object, "ContactStatus", path);
        if (statusText != null && !statusText.isEmpty()) {
            try {
                status = ContactStatus.valueOf(statusText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadPostData(
                        "Requested value '" + statusText + "' was not found. Path '" + path + ".ContactStatus'.");
            }
        }
        bool(object, "IsSupplier", path);
        bool(object, "IsCustomer", path);
        Map<String, Object> other = new LinkedHashMap<>();
        for (String name : PASS_THROUGH) {
            JsonNode value = field(object, name);
            if (value != null && !value.isNull()) {
                other.put(name, Json.MAPPER.treeToValue(value, Object.class));
            }
        }
        ContactChanges changes = new ContactChanges(
                string(object, "Name", path),
                string(object, "FirstName", path),
                string(object, "LastName", path),
                string(object, "EmailAddress", path),
                string(object, "ContactNumber", path),
                string(object, "AccountNumber", path),
                string(object, "CompanyNumber", path),
                string(object, "BankAccountDetails", path),
                string(object, "TaxNumber", path),
                status,
                phones(object, path),
                addresses(object, path),
                null,
                null,
                other.isEmpty() ? null : other);
        return new Input(id, changes, object);
    }

    private static @Nullable Map<String, SimPhone> phones(ObjectNode contact, String path) {
        JsonNode array = field(contact, "Phones");
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new BadPostData("Expected an array. Path '" + path + ".Phones'.");
        }
        Map<String, SimPhone> phones = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode node : array.values()) {
            String at = path + ".Phones[" + i++ + "]";
            if (!node.isObject()) {
                throw new BadPostData("Expected a phone object. Path '" + at + "'.");
            }
            String type = enumValue((ObjectNode) node, "PhoneType", PHONE_TYPES, at);
            phones.put(
                    type,
                    new SimPhone(
                            type,
                            string(node, "PhoneNumber", at),
                            string(node, "PhoneAreaCode", at),
                            string(node, "PhoneCountryCode", at)));
        }
        return phones;
    }

    private static @Nullable Map<String, SimAddress> addresses(ObjectNode contact, String path) {
        JsonNode array = field(contact, "Addresses");
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new BadPostData("Expected an array. Path '" + path + ".Addresses'.");
        }
        Map<String, SimAddress> addresses = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode node : array.values()) {
            String at = path + ".Addresses[" + i++ + "]";
            if (!node.isObject()) {
                throw new BadPostData("Expected an address object. Path '" + at + "'.");
            }
            String type = enumValue((ObjectNode) node, "AddressType", ADDRESS_TYPES, at);
            addresses.put(
                    type,
                    new SimAddress(
                            type,
                            string(node, "AddressLine1", at),
                            string(node, "AddressLine2", at),
                            string(node, "AddressLine3", at),
                            string(node, "AddressLine4", at),
                            string(node, "City", at),
                            string(node, "Region", at),
                            string(node, "PostalCode", at),
                            string(node, "Country", at),
                            string(node, "AttentionTo", at)));
        }
        return addresses;
    }

    private static String enumValue(ObjectNode node, String name, Set<String> allowed, String path) {
        String value = string(node, name, path);
        if (value == null || value.isEmpty()) {
            throw new BadPostData("Required property '" + name + "' not found in JSON. Path '" + path + "'.");
        }
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new BadPostData("Requested value '" + value + "' was not found. Path '" + path + "." + name + "'.");
        }
        return upper;
    }

    private static @Nullable String string(JsonNode object, String name, String path) {
        JsonNode value = field(object, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            // Xero's binder turns numbers into strings for string fields.
            return value.asString();
        }
        throw new BadPostData("Unexpected character encountered while parsing value for '" + name + "'. Path '" + path
                + "." + name + "'.");
    }

    private static void bool(JsonNode object, String name, String path) {
        JsonNode value = field(object, name);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw new BadPostData("Could not convert to boolean: " + value + ". Path '" + path + "." + name + "'.");
        }
    }

    /** Property lookup ignoring case, as Xero's binder does. */
    static @Nullable JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    // ---- writing ---------------------------------------------------------------------------------

    /**
     * A contact as Xero returns it: all four classic phone types and both address types, empty strings when
     * unset. {@code detail} adds the fields Xero only returns with paging or a single GET.
     */
    static ObjectNode write(SimContact c, boolean detail, Set<String> excluded) {
        ObjectNode node = Json.object();
        node.put("ContactID", c.contactId().toString());
        if (detail && c.mergedToContactId() != null) {
            node.put("MergedToContactID", c.mergedToContactId().toString());
        }
        putIfSet(node, "ContactNumber", c.contactNumber());
        putIfSet(node, "AccountNumber", c.accountNumber());
        node.put("ContactStatus", c.status().name());
        node.put("Name", c.name());
        putIfSet(node, "FirstName", c.firstName());
        putIfSet(node, "LastName", c.lastName());
        putIfSet(node, "CompanyNumber", c.companyNumber());
        node.put("EmailAddress", c.emailAddress() == null ? "" : c.emailAddress());
        node.put("BankAccountDetails", c.bankAccountDetails() == null ? "" : c.bankAccountDetails());
        putIfSet(node, "TaxNumber", c.taxNumber());
        ArrayNode addresses = node.putArray("Addresses");
        for (String type : SimContact.ADDRESS_TYPES) {
            SimAddress a = c.addresses().getOrDefault(type, SimAddress.of(type, "", "", "", "", ""));
            ObjectNode out = addresses.addObject();
            out.put("AddressType", type);
            putIfSet(out, "AddressLine1", a.line1());
            putIfSet(out, "AddressLine2", a.line2());
            putIfSet(out, "AddressLine3", a.line3());
            putIfSet(out, "AddressLine4", a.line4());
            out.put("City", a.city());
            out.put("Region", a.region());
            out.put("PostalCode", a.postalCode());
            out.put("Country", a.country());
            putIfSet(out, "AttentionTo", a.attentionTo());
        }
        ArrayNode phones = node.putArray("Phones");
        for (String type : SimContact.CLASSIC_PHONE_TYPES) {
            writePhone(phones, c.phones().getOrDefault(type, new SimPhone(type, "", "", "")));
        }
        SimPhone office = c.phones().get("OFFICE");
        if (office != null) {
            writePhone(phones, office);
        }
        node.put("UpdatedDateUTC", XeroDates.msDateWithOffset(c.updatedDateUtc()));
        node.putArray("ContactGroups");
        node.put("IsSupplier", c.supplier());
        node.put("IsCustomer", c.customer());
        if (detail) {
            node.put("SalesDefaultLineAmountType", "EXCLUSIVE");
            node.put("PurchasesDefaultLineAmountType", "EXCLUSIVE");
        }
        c.other().forEach((name, value) -> node.set(name, Json.MAPPER.valueToTree(value)));
        if (!node.has("ContactPersons")) {
            node.putArray("ContactPersons");
        }
        node.put("HasAttachments", false);
        excluded.forEach(node::remove);
        return node;
    }

    private static void writePhone(ArrayNode phones, SimPhone p) {
        ObjectNode out = phones.addObject();
        out.put("PhoneType", p.type());
        out.put("PhoneNumber", p.number());
        out.put("PhoneAreaCode", p.areaCode());
        out.put("PhoneCountryCode", p.countryCode());
    }

    private static void putIfSet(ObjectNode node, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }
}
