package app.xerosim;

import app.xerosim.identity.Simulation;
import app.xerosim.state.OrgBook;
import app.xerosim.state.OrganisationInfo;
import java.util.UUID;

/** A handle on one simulated Xero organisation (a tenant). */
public final class SimOrganisation {

    private final Simulation sim;
    private final UUID tenantId;

    SimOrganisation(Simulation sim, UUID tenantId) {
        this.sim = sim;
        this.tenantId = tenantId;
    }

    /** The {@code xero-tenant-id} of this organisation. */
    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return info().name();
    }

    /** The organisation's ShortCode, like {@code !aB3dE}, used by Xero's deep links. */
    public String shortCode() {
        return info().shortCode();
    }

    public SimContacts contacts() {
        return new SimContacts(sim, tenantId);
    }

    /** The contact page for {@code contactId}, in the deep-link form Kontor builds (XERO-CONTRACT §6). */
    public String contactDeepLink(UUID contactId) {
        return sim.baseUrl() + "/organisationlogin/default.aspx?shortcode="
                + app.xerosim.http.QueryStrings.encode(shortCode()) + "&redirecturl=/Contacts/View/" + contactId;
    }

    private OrganisationInfo info() {
        return sim.state().read(() -> {
            OrgBook book = sim.state().organisation(tenantId);
            if (book == null) {
                throw new IllegalStateException("No organisation " + tenantId);
            }
            return book.info();
        });
    }

    @Override
    public String toString() {
        return "SimOrganisation[" + tenantId + "]";
    }
}
