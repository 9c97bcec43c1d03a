package app.xerosim.pages;

import static app.xerosim.http.Html.esc;

import app.xerosim.ContactChanges;
import app.xerosim.ContactStatus;
import app.xerosim.Organisations;
import app.xerosim.SimAddress;
import app.xerosim.SimContact;
import app.xerosim.SimContacts;
import app.xerosim.SimOrganisation;
import app.xerosim.SimPhone;
import app.xerosim.SimValidationException;
import app.xerosim.http.Html;
import app.xerosim.http.QueryStrings;
import app.xerosim.http.Router;
import app.xerosim.http.SimRequest;
import app.xerosim.http.SimResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Server-rendered pages standing in for Xero's web app: what "View in Xero" opens. Contacts are reached at
 * both deep-link forms of XERO-CONTRACT §6; edits go through {@link SimContacts}, so they obey the API's
 * rules. All output is escaped.
 */
public final class WebPages {

    private static final Pattern VIEW_PATH =
            Pattern.compile("^/Contacts/View(?:/|\\.aspx\\?contactID=)([0-9a-fA-F-]{36})$", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Organisations organisations;

    public WebPages(Organisations organisations) {
        this.organisations = organisations;
    }

    public void register(Router router) {
        router.add("GET", "/", r -> index())
                .add("GET", "/organisationlogin/default.aspx", this::organisationLogin)
                .add("GET", "/Contacts/View/{id}", this::viewWithoutShortCode)
                .add("GET", "/app/{shortCode}/contacts", this::contactList)
                .add("GET", "/app/{shortCode}/contacts/contact/{id}", this::contactPage)
                .add("POST", "/app/{shortCode}/contacts/contact/{id}/edit", this::edit)
                .add("POST", "/app/{shortCode}/contacts/contact/{id}/archive", r -> act(r, Action.ARCHIVE))
                .add("POST", "/app/{shortCode}/contacts/contact/{id}/restore", r -> act(r, Action.RESTORE))
                .add("POST", "/app/{shortCode}/contacts/contact/{id}/customer", r -> act(r, Action.CUSTOMER))
                .add("POST", "/app/{shortCode}/contacts/contact/{id}/supplier", r -> act(r, Action.SUPPLIER))
                .add("POST", "/app/{shortCode}/contacts/contact/{id}/merge", r -> act(r, Action.MERGE));
    }

    private enum Action {
        ARCHIVE,
        RESTORE,
        CUSTOMER,
        SUPPLIER,
        MERGE
    }

    private SimResponse index() {
        StringBuilder body = new StringBuilder("<h1>Organisations</h1><ul>");
        for (SimOrganisation org : organisations.list()) {
            body.append("<li><a href=\"")
                    .append(esc(contactsPath(org)))
                    .append("\">")
                    .append(esc(org.name()))
                    .append("</a> <span class=\"muted\">")
                    .append(esc(org.shortCode()))
                    .append("</span></li>");
        }
        body.append("</ul>");
        return SimResponse.html(200, Html.page("Organisations", body.toString()));
    }

    /** {@code /organisationlogin/default.aspx?shortcode=!abc&redirecturl=/Contacts/View/{id}}. */
    private SimResponse organisationLogin(SimRequest request) {
        String shortCode = request.param("shortcode");
        Optional<SimOrganisation> org = shortCode == null ? Optional.empty() : organisations.findByShortCode(shortCode);
        if (org.isEmpty()) {
            return notFound("No organisation has the ShortCode " + shortCode + ".");
        }
        String target = request.param("redirecturl");
        if (target != null) {
            Matcher view = VIEW_PATH.matcher(target);
            if (view.matches()) {
                return SimResponse.redirect(contactPath(org.get(), UUID.fromString(view.group(1))));
            }
        }
        return SimResponse.redirect(contactsPath(org.get()));
    }

    private SimResponse viewWithoutShortCode(SimRequest request) {
        UUID id = uuid(request.pathVariable("id"));
        if (id != null) {
            for (SimOrganisation org : organisations.list()) {
                if (org.contacts().find(id).isPresent()) {
                    return SimResponse.redirect(contactPath(org, id));
                }
            }
        }
        return notFound("No contact " + request.pathVariable("id") + ".");
    }

    private SimResponse contactList(SimRequest request) {
        Optional<SimOrganisation> org = organisations.findByShortCode(request.pathVariable("shortCode"));
        if (org.isEmpty()) {
            return notFound("No organisation has the ShortCode " + request.pathVariable("shortCode") + ".");
        }
        StringBuilder body = new StringBuilder();
        body.append("<h1>Contacts</h1><p>").append(esc(org.get().name())).append("</p>");
        body.append("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">Customer</th><th scope=\"col\">Supplier</th>"
                + "</tr></thead><tbody>");
        for (SimContact c : org.get().contacts().list()) {
            body.append("<tr><td><a href=\"")
                    .append(esc(contactPath(org.get(), c.contactId())))
                    .append("\">")
                    .append(esc(c.name()))
                    .append("</a></td><td>")
                    .append(esc(c.emailAddress()))
                    .append("</td><td>")
                    .append(esc(c.status().name()))
                    .append("</td><td>")
                    .append(c.customer() ? "Yes" : "")
                    .append("</td><td>")
                    .append(c.supplier() ? "Yes" : "")
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        return SimResponse.html(200, Html.page("Contacts", body.toString()));
    }

    private SimResponse contactPage(SimRequest request) {
        return withContact(request, (org, contact) -> SimResponse.html(200, render(org, contact, List.of())));
    }

    private String render(SimOrganisation org, SimContact c, List<String> errors) {
        String base = contactPath(org, c.contactId());
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"")
                .append(esc(contactsPath(org)))
                .append("\">All contacts</a> · ")
                .append(esc(org.name()))
                .append("</p>");
        body.append("<h1>").append(esc(c.name())).append("</h1>");
        if (!errors.isEmpty()) {
            body.append("<ul class=\"error\" role=\"alert\">");
            errors.forEach(e -> body.append("<li>").append(esc(e)).append("</li>"));
            body.append("</ul>");
        }
        body.append("<dl>");
        dt(body, "Status", c.status().name());
        if (c.mergedToContactId() != null) {
            body.append("<dt>Merged into</dt><dd><a href=\"")
                    .append(esc(contactPath(org, c.mergedToContactId())))
                    .append("\">")
                    .append(esc(org.contacts()
                            .find(c.mergedToContactId())
                            .map(SimContact::name)
                            .orElse("?")))
                    .append("</a></dd>");
        }
        dt(body, "Contact ID", c.contactId().toString());
        dt(body, "First name", c.firstName());
        dt(body, "Last name", c.lastName());
        dt(body, "Email", c.emailAddress());
        for (SimPhone p : c.phones().values()) {
            if (!p.isEmpty()) {
                dt(
                        body,
                        "Phone (" + p.type() + ")",
                        String.join(" ", p.countryCode(), p.areaCode(), p.number())
                                .trim());
            }
        }
        for (SimAddress a : c.addresses().values()) {
            if (!a.isEmpty()) {
                String label = a.type().equals("POBOX") ? "Postal address" : "Street address";
                dt(
                        body,
                        label,
                        String.join(
                                ", ",
                                nonEmpty(
                                        a.line1(),
                                        a.line2(),
                                        a.line3(),
                                        a.line4(),
                                        a.city(),
                                        a.region(),
                                        a.postalCode(),
                                        a.country(),
                                        a.attentionTo().isEmpty() ? "" : "Attn " + a.attentionTo())));
            }
        }
        dt(body, "Customer", c.customer() ? "Yes" : "No");
        dt(body, "Supplier", c.supplier() ? "Yes" : "No");
        dt(body, "Updated", UPDATED.format(c.updatedDateUtc()));
        body.append("</dl>");

        body.append("<h2>Edit contact</h2><form method=\"post\" action=\"")
                .append(esc(base))
                .append("/edit\">");
        field(body, "Name", "Name", c.name());
        field(body, "FirstName", "First name", c.firstName());
        field(body, "LastName", "Last name", c.lastName());
        field(body, "EmailAddress", "Email", c.emailAddress());
        SimPhone phone = c.phones().getOrDefault("DEFAULT", new SimPhone("DEFAULT", "", "", ""));
        field(body, "PhoneCountryCode", "Phone country code", phone.countryCode());
        field(body, "PhoneAreaCode", "Phone area code", phone.areaCode());
        field(body, "PhoneNumber", "Phone number", phone.number());
        SimAddress postal = c.addresses().getOrDefault("POBOX", SimAddress.of("POBOX", "", "", "", "", ""));
        field(body, "AddressLine1", "Postal address line 1", postal.line1());
        field(body, "City", "Postal address city", postal.city());
        field(body, "Region", "Postal address region", postal.region());
        field(body, "PostalCode", "Postal address postal code", postal.postalCode());
        field(body, "Country", "Postal address country", postal.country());
        body.append("<button type=\"submit\">Save</button></form>");

        body.append("<h2>Actions</h2>");
        if (c.status() == ContactStatus.ACTIVE) {
            button(body, base + "/archive", "Archive");
        } else {
            button(body, base + "/restore", "Restore");
        }
        if (!c.customer()) {
            button(body, base + "/customer", "Mark as customer");
        }
        if (!c.supplier()) {
            button(body, base + "/supplier", "Mark as supplier");
        }
        if (c.status() == ContactStatus.ACTIVE) {
            body.append("<form method=\"post\" action=\"").append(esc(base)).append("/merge\">");
            body.append("<label>Merge this contact into <select name=\"into\">");
            for (SimContact other : org.contacts().list()) {
                if (other.isActive() && !other.contactId().equals(c.contactId())) {
                    body.append("<option value=\"")
                            .append(esc(other.contactId().toString()))
                            .append("\">")
                            .append(esc(other.name()))
                            .append("</option>");
                }
            }
            body.append("</select></label><button type=\"submit\">Merge</button></form>");
        }
        return Html.page(c.name(), body.toString());
    }

    private SimResponse edit(SimRequest request) {
        Map<String, List<String>> form = request.form();
        return withContact(request, (org, contact) -> {
            ContactChanges changes = ContactChanges.none()
                    .withName(value(form, "Name"))
                    .withPerson(value(form, "FirstName"), value(form, "LastName"))
                    .withEmail(value(form, "EmailAddress"))
                    .withPhone(SimPhone.of(
                            "DEFAULT",
                            value(form, "PhoneCountryCode"),
                            value(form, "PhoneAreaCode"),
                            value(form, "PhoneNumber")))
                    .withAddress(new SimAddress(
                            "POBOX",
                            value(form, "AddressLine1"),
                            postalLine(contact, 2),
                            postalLine(contact, 3),
                            postalLine(contact, 4),
                            value(form, "City"),
                            value(form, "Region"),
                            value(form, "PostalCode"),
                            value(form, "Country"),
                            contact.addresses().containsKey("POBOX")
                                    ? contact.addresses().get("POBOX").attentionTo()
                                    : ""));
            try {
                org.contacts().update(contact.contactId(), changes);
            } catch (SimValidationException e) {
                return SimResponse.html(400, render(org, contact, e.messages()));
            }
            return seeOther(contactPath(org, contact.contactId()));
        });
    }

    private static String postalLine(SimContact contact, int line) {
        SimAddress a = contact.addresses().get("POBOX");
        if (a == null) {
            return "";
        }
        return switch (line) {
            case 2 -> a.line2();
            case 3 -> a.line3();
            default -> a.line4();
        };
    }

    private SimResponse act(SimRequest request, Action action) {
        String into = request.formValue("into");
        return withContact(request, (org, contact) -> {
            SimContacts contacts = org.contacts();
            try {
                switch (action) {
                    case ARCHIVE -> contacts.archive(contact.contactId());
                    case RESTORE -> contacts.restore(contact.contactId());
                    case CUSTOMER -> contacts.markAsCustomer(contact.contactId());
                    case SUPPLIER -> contacts.markAsSupplier(contact.contactId());
                    case MERGE -> {
                        UUID target = into == null ? null : uuid(into);
                        if (target == null || contacts.find(target).isEmpty()) {
                            return SimResponse.html(
                                    400, render(org, contact, List.of("Choose a contact to merge into.")));
                        }
                        contacts.merge(contact.contactId(), target);
                        return seeOther(contactPath(org, target));
                    }
                }
            } catch (SimValidationException e) {
                return SimResponse.html(400, render(org, contact, e.messages()));
            } catch (IllegalArgumentException e) {
                return SimResponse.html(400, render(org, contact, List.of(e.getMessage())));
            }
            return seeOther(contactPath(org, contact.contactId()));
        });
    }

    private interface ContactHandler {
        SimResponse handle(SimOrganisation org, SimContact contact);
    }

    private SimResponse withContact(SimRequest request, ContactHandler handler) {
        Optional<SimOrganisation> org = organisations.findByShortCode(request.pathVariable("shortCode"));
        UUID id = uuid(request.pathVariable("id"));
        Optional<SimContact> contact = org.isEmpty() || id == null
                ? Optional.empty()
                : org.get().contacts().find(id);
        if (contact.isEmpty()) {
            return notFound("No such contact in this organisation.");
        }
        return handler.handle(org.get(), contact.get());
    }

    static String contactsPath(SimOrganisation org) {
        return "/app/" + QueryStrings.encode(org.shortCode()) + "/contacts";
    }

    static String contactPath(SimOrganisation org, UUID contactId) {
        return contactsPath(org) + "/contact/" + contactId;
    }

    private static SimResponse seeOther(String location) {
        return new SimResponse(303, Map.of("Location", location), new byte[0]);
    }

    private static SimResponse notFound(String message) {
        return SimResponse.html(404, Html.page("Not found", "<h1>Not found</h1><p>" + esc(message) + "</p>"));
    }

    private static void dt(StringBuilder body, String label, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            body.append("<dt>")
                    .append(esc(label))
                    .append("</dt><dd>")
                    .append(esc(value))
                    .append("</dd>");
        }
    }

    private static void field(StringBuilder body, String name, String label, @Nullable String value) {
        body.append("<label>")
                .append(esc(label))
                .append(" <input name=\"")
                .append(name)
                .append("\" value=\"")
                .append(esc(value))
                .append("\"></label>");
    }

    private static void button(StringBuilder body, String action, String label) {
        body.append("<form method=\"post\" action=\"")
                .append(esc(action))
                .append("\"><button type=\"submit\">")
                .append(esc(label))
                .append("</button></form>");
    }

    private static String value(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst().strip();
    }

    private static List<String> nonEmpty(String... values) {
        return java.util.Arrays.stream(values).filter(v -> !v.isEmpty()).toList();
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
