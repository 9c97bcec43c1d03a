package app.kontor.xero.web;

import app.kontor.practice.SignedInUser;
import app.kontor.system.PageBanner;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.XeroConnections;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells admins on every page that Xero needs them, with the button that fixes it. */
@Component
class ReconnectBanner implements PageBanner {

    private final XeroConnections connections;

    ReconnectBanner(XeroConnections connections) {
        this.connections = connections;
    }

    @Override
    public Optional<Banner> banner(SignedInUser viewer, String path) {
        if (!viewer.isAdmin() || path.startsWith("/settings/integrations/xero")) {
            // The settings page says the same thing itself, with the same button.
            return Optional.empty();
        }
        return connections
                .find(viewer.practiceId())
                .filter(connection -> connection.status() == ConnectionStatus.NEEDS_RECONNECT)
                .map(connection -> new Banner(
                        "Xero no longer accepts Kontor's access to " + connection.organisationName()
                                + ", so nothing is exchanged with Xero.",
                        "Reconnect",
                        "/settings/integrations/xero/connect"));
    }
}
