package app.kontor.xerolink;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactPageSection;
import app.kontor.practice.SignedInUser;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.XeroConnections;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The {@code Xero Client} section on every contact page (DESIGN §1 rule 4). */
@Component
class XeroClientSection implements ContactPageSection {

    private final TemplateEngine templates;
    private final XeroConnections connections;

    XeroClientSection(TemplateEngine templates, XeroConnections connections) {
        this.templates = templates;
        this.connections = connections;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Content render(Contact contact, SignedInUser viewer) {
        var connection = connections.find(viewer.practiceId()).orElse(null);
        var status = connection == null ? ConnectionStatus.DISCONNECTED : connection.status();
        var model = Map.<String, Object>of(
                "status",
                status,
                "organisation",
                connection == null ? "" : connection.organisationName(),
                "paused",
                connection != null && connection.paused(),
                "admin",
                viewer.isAdmin());
        return output -> templates.render("xerolink/section.jte", model, output);
    }
}
