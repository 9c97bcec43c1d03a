package app.kontor.xerolink;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactPageSection;
import app.kontor.practice.SignedInUser;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The {@code Xero Client} section on every contact page (DESIGN §1 rule 4). */
@Component
class XeroClientSection implements ContactPageSection {

    private final TemplateEngine templates;

    XeroClientSection(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Content render(Contact contact, SignedInUser viewer) {
        // No practice can connect to Xero yet, so every contact is in the "not connected" state.
        var model = Map.<String, Object>of("contactId", contact.id().toString(), "admin", viewer.isAdmin());
        return output -> templates.render("xerolink/section.jte", model, output);
    }
}
