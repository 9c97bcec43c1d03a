package app.xerosim.state;

import app.xerosim.ContactStatus;
import app.xerosim.NameComparison;
import app.xerosim.SimContact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One organisation and its contacts, with the two uniqueness indexes Xero enforces: names among active
 * contacts and contact numbers among all contacts. Callers hold the state lock.
 */
public final class OrgBook {

    /** Told about every stored change that Xero would report (a webhook's CREATE or UPDATE). */
    @FunctionalInterface
    public interface ContactListener {
        void changed(UUID tenantId, SimContact contact, boolean created);
    }

    private OrganisationInfo info;
    private final NameComparison names;
    private final Map<UUID, SimContact> contacts = new LinkedHashMap<>();
    private final Map<String, UUID> activeByName = new HashMap<>();
    private final Map<String, UUID> byContactNumber = new HashMap<>();
    private @Nullable ContactListener listener;
    /** Sorted views of all contacts by order expression, dropped on every change (large lists repeat pages). */
    private final Map<String, List<SimContact>> sortedViews = new HashMap<>();

    public OrgBook(OrganisationInfo info, NameComparison names) {
        this.info = info;
        this.names = names;
    }

    public OrganisationInfo info() {
        return info;
    }

    public void rename(String name) {
        info = new OrganisationInfo(
                info.tenantId(),
                name,
                info.shortCode(),
                info.countryCode(),
                info.baseCurrency(),
                info.timezone(),
                info.createdDateUtc());
    }

    public void listener(@Nullable ContactListener value) {
        this.listener = value;
    }

    public NameComparison names() {
        return names;
    }

    public @Nullable SimContact contact(UUID id) {
        return contacts.get(id);
    }

    public @Nullable SimContact byContactNumber(String number) {
        UUID id = byContactNumber.get(number);
        return id == null ? null : contacts.get(id);
    }

    public @Nullable SimContact activeNamed(String name) {
        UUID id = activeByName.get(names.key(name));
        return id == null ? null : contacts.get(id);
    }

    public List<SimContact> contacts() {
        return new ArrayList<>(contacts.values());
    }

    /**
     * All contacts sorted by {@code order}, without the archived ones unless {@code includeArchived}, cached
     * under {@code orderKey} until the next change. The same list instance is returned until then, so callers
     * may cache what they derive from it by identity.
     */
    public List<SimContact> sorted(String orderKey, java.util.Comparator<SimContact> order, boolean includeArchived) {
        return sortedViews.computeIfAbsent(
                (includeArchived ? "all|" : "unarchived|") + orderKey,
                k -> contacts.values().stream()
                        .filter(c -> includeArchived || c.status() != ContactStatus.ARCHIVED)
                        .sorted(order)
                        .toList());
    }

    public int size() {
        return contacts.size();
    }

    /** Stores a new or changed contact; callers have checked the uniqueness rules. */
    public void put(SimContact contact) {
        SimContact previous = contacts.put(contact.contactId(), contact);
        sortedViews.clear();
        if (previous != null) {
            activeByName.remove(names.key(previous.name()), previous.contactId());
            if (previous.contactNumber() != null) {
                byContactNumber.remove(previous.contactNumber(), previous.contactId());
            }
        }
        if (contact.isActive()) {
            activeByName.put(names.key(contact.name()), contact.contactId());
        }
        if (contact.contactNumber() != null && !contact.contactNumber().isEmpty()) {
            byContactNumber.put(contact.contactNumber(), contact.contactId());
        }
        // Only changes that move UpdatedDateUTC are reported, like Xero's "UPDATE" events.
        if (listener != null && (previous == null || !previous.updatedDateUtc().equals(contact.updatedDateUtc()))) {
            listener.changed(info.tenantId(), contact, previous == null);
        }
    }
}
