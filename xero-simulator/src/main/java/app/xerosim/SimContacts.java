package app.xerosim;

import app.xerosim.identity.Simulation;
import app.xerosim.state.ContactRules;
import app.xerosim.state.OrgBook;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The contacts of one organisation, changed the way Xero's own web app would change them: every change
 * obeys the API's rules (unique active names, unique contact numbers, maximum lengths) and maintains
 * {@code UpdatedDateUTC}. The simulator's web pages use this same API.
 */
public final class SimContacts {

    private final Simulation sim;
    private final UUID tenantId;

    SimContacts(Simulation sim, UUID tenantId) {
        this.sim = sim;
        this.tenantId = tenantId;
    }

    /** Every contact, archived ones included, by name. */
    public List<SimContact> list() {
        return read(book -> book.contacts().stream()
                .sorted(Comparator.comparing((SimContact c) -> c.name().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(SimContact::contactId))
                .toList());
    }

    public int count() {
        return read(OrgBook::size);
    }

    public Optional<SimContact> find(UUID contactId) {
        return Optional.ofNullable(read(book -> book.contact(contactId)));
    }

    public SimContact get(UUID contactId) {
        return find(contactId).orElseThrow(() -> new IllegalArgumentException("No contact " + contactId));
    }

    /** The active contact with this name (by the configured comparison), if any. */
    public Optional<SimContact> findActiveByName(String name) {
        return Optional.ofNullable(read(book -> book.activeNamed(name)));
    }

    /**
     * Creates a contact.
     *
     * @throws SimValidationException when Xero would refuse it, carrying Xero's messages
     */
    public SimContact create(ContactChanges changes) {
        return write(book -> result(ContactRules.create(book, changes, now())));
    }

    /**
     * Adds {@code count} plausible contacts, the same for the same {@code seed} (ContactIDs included), all
     * updated now.
     *
     * @return their ContactIDs in creation order
     */
    public List<UUID> generate(int count, long seed) {
        return write(book -> ContactGenerator.generate(book, count, seed, null, now()));
    }

    /**
     * As {@link #generate(int, long)}, but every contact's {@code UpdatedDateUTC} falls in the one second of
     * {@code sharedSecond} (milliseconds spread), to exercise sync cursors.
     */
    public List<UUID> generate(int count, long seed, Instant sharedSecond) {
        return write(book -> ContactGenerator.generate(book, count, seed, sharedSecond, now()));
    }

    /** Changes a contact as an edit in Xero's web app would, bumping {@code UpdatedDateUTC}. */
    public SimContact update(UUID contactId, ContactChanges changes) {
        return write(book -> result(ContactRules.update(book, existing(book, contactId), changes, now(), true)));
    }

    public SimContact archive(UUID contactId) {
        return update(contactId, ContactChanges.none().withStatus(ContactStatus.ARCHIVED));
    }

    public SimContact restore(UUID contactId) {
        return update(contactId, ContactChanges.none().withStatus(ContactStatus.ACTIVE));
    }

    /** Puts a contact into Xero's {@code GDPRREQUEST} status (an erasure request). */
    public SimContact requestErasure(UUID contactId) {
        return update(contactId, ContactChanges.none().withStatus(ContactStatus.GDPRREQUEST));
    }

    /**
     * Merges {@code fromId} into {@code intoId} as Xero's web app does: the merged-away contact gets
     * {@code MergedToContactID} and is archived.
     */
    public SimContact merge(UUID fromId, UUID intoId) {
        if (fromId.equals(intoId)) {
            throw new IllegalArgumentException("A contact cannot be merged into itself");
        }
        return write(book -> ContactRules.merge(book, existing(book, fromId), existing(book, intoId), now()));
    }

    /**
     * Marks a contact as a customer, as a sales invoice would. By default this leaves
     * {@code UpdatedDateUTC} alone (Xero warns such changes may not show in If-Modified-Since queries).
     */
    public SimContact markAsCustomer(UUID contactId) {
        return flag(contactId, ContactChanges.none().asCustomer(true));
    }

    /** Marks a contact as a supplier, as a bill would; see {@link #markAsCustomer(UUID)}. */
    public SimContact markAsSupplier(UUID contactId) {
        return flag(contactId, ContactChanges.none().asSupplier(true));
    }

    private SimContact flag(UUID contactId, ContactChanges changes) {
        boolean bump = sim.settings().customerFlagsBumpUpdatedDate();
        return write(book -> result(ContactRules.update(book, existing(book, contactId), changes, now(), bump)));
    }

    private Instant now() {
        return sim.clock().instant();
    }

    private static SimContact existing(OrgBook book, UUID contactId) {
        SimContact contact = book.contact(contactId);
        if (contact == null) {
            throw new IllegalArgumentException("No contact " + contactId);
        }
        return contact;
    }

    private static SimContact result(ContactRules.Outcome outcome) {
        if (!outcome.ok() || outcome.contact() == null) {
            throw new SimValidationException(outcome.errors());
        }
        return outcome.contact();
    }

    private <T> T read(Function<OrgBook, T> action) {
        return sim.state().read(() -> action.apply(book()));
    }

    private <T> T write(Function<OrgBook, T> action) {
        return sim.state().write(() -> action.apply(book()));
    }

    private OrgBook book() {
        OrgBook book = sim.state().organisation(tenantId);
        if (book == null) {
            throw new IllegalStateException("No organisation " + tenantId);
        }
        return book;
    }
}
