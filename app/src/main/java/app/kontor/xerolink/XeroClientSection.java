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

    static final String TEMPLATE = "xerolink/section.jte";

    private final TemplateEngine templates;
    private final XeroClientActions actions;

    XeroClientSection(TemplateEngine templates, XeroClientActions actions) {
        this.templates = templates;
        this.actions = actions;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Content render(Contact contact, SignedInUser viewer) {
        var view = actions.view(viewer, contact);
        return output -> templates.render(TEMPLATE, Map.of("view", view), output);
    }
}
