package app.xerosim;

import app.xerosim.identity.Simulation;
import app.xerosim.state.OrganisationInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The simulated Xero organisations (tenants). */
public final class Organisations {

    /** The name of the organisation {@link #createDemoOrganisation()} makes. */
    public static final String DEMO_ORGANISATION_NAME = "Harbour & Finch Advisory";

    private final Simulation sim;

    Organisations(Simulation sim) {
        this.sim = sim;
    }

    /** Creates an empty organisation with a fresh tenant id and ShortCode. */
    public SimOrganisation create(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("An organisation needs a name");
        }
        UUID tenantId = sim.state().write(() -> {
            OrganisationInfo info = new OrganisationInfo(
                    UUID.randomUUID(),
                    name,
                    sim.state().newShortCode(),
                    "NZ",
                    "NZD",
                    "NEWZEALANDSTANDARDTIME",
                    sim.clock().instant());
            sim.state().addOrganisation(info);
            return info.tenantId();
        });
        return new SimOrganisation(sim, tenantId);
    }

    /**
     * Returns the demo organisation, creating it with about 60 realistic contacts the first time: people
     * and organisations, customers and suppliers, archived ones, an active name shared with an archived
     * one, non-ASCII names, and some contacts without email or phone.
     */
    public SimOrganisation createDemoOrganisation() {
        Optional<SimOrganisation> existing = findByName(DEMO_ORGANISATION_NAME);
        if (existing.isPresent()) {
            return existing.get();
        }
        SimOrganisation organisation = create(DEMO_ORGANISATION_NAME);
        DemoContacts.populate(organisation.contacts());
        return organisation;
    }

    public List<SimOrganisation> list() {
        return sim.state()
                .read(() -> sim.state().organisations().keySet().stream()
                        .map(id -> new SimOrganisation(sim, id))
                        .toList());
    }

    public Optional<SimOrganisation> find(UUID tenantId) {
        return sim.state()
                .read(() -> Optional.ofNullable(sim.state().organisation(tenantId))
                        .map(book -> new SimOrganisation(sim, tenantId)));
    }

    public SimOrganisation get(UUID tenantId) {
        return find(tenantId).orElseThrow(() -> new IllegalArgumentException("No organisation " + tenantId));
    }

    public Optional<SimOrganisation> findByName(String name) {
        return sim.state()
                .read(() -> sim.state().organisations().values().stream()
                        .filter(book -> book.info().name().equals(name))
                        .findFirst()
                        .map(book -> new SimOrganisation(sim, book.info().tenantId())));
    }

    public Optional<SimOrganisation> findByShortCode(String shortCode) {
        return sim.state()
                .read(() -> Optional.ofNullable(sim.state().organisationByShortCode(shortCode))
                        .map(book -> new SimOrganisation(sim, book.info().tenantId())));
    }
}
