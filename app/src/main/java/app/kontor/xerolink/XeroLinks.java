package app.kontor.xerolink;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroContact;
import app.kontor.xerolink.internal.LinkRows;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links as the sync sees them: found by either side, made by matching, refreshed from what Xero
 * says. The unique keys of the link table make a second link to either side impossible; this
 * service turns that refusal into {@link LinkTakenException}.
 */
@Service
public class XeroLinks {

    private final LinkRows rows;
    private final Clock clock;

    XeroLinks(LinkRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public Optional<XeroLink> find(PracticeId practice, ContactId contact) {
        return rows.find(practice, contact);
    }

    public Optional<XeroLink> findByXeroContact(PracticeId practice, UUID tenantId, UUID xeroContactId) {
        return rows.findByXeroContact(practice, tenantId, xeroContactId);
    }

    /** The links of these Xero contacts, by Xero ContactID; those not linked are absent. */
    public Map<UUID, XeroLink> findByXeroContacts(PracticeId practice, UUID tenantId, Collection<UUID> xeroContactIds) {
        return rows.findByXeroContacts(practice, tenantId, xeroContactIds);
    }

    /** Contacts already linked or being created in Xero; matching never offers them. */
    public Set<ContactId> unavailableForMatching(PracticeId practice) {
        return rows.busyContacts(practice);
    }

    /**
     * Links a Kontor contact to a Xero contact with origin {@link LinkOrigin#MATCHED} and records why.
     *
     * @throws LinkTakenException when either side is linked already
     */
    @Transactional
    public XeroLink linkMatched(
            PracticeId practice, ContactId contact, UUID tenantId, XeroContact xero, String actor, String why) {
        var now = now();
        if (rows.find(practice, contact).isPresent()) {
            throw new LinkTakenException("This Kontor contact is already linked to a Xero contact.");
        }
        var link = new XeroLink(
                contact, tenantId, xero.contactId(), LinkOrigin.MATCHED, xero.name(), xero.status(), actor, now, now);
        try {
            rows.insert(practice, link);
        } catch (DuplicateKeyException taken) {
            throw new LinkTakenException(
                    "The Xero contact " + xero.name() + " is already linked to another Kontor contact.");
        }
        rows.record(practice, contact, new LinkEvent(now, "Matched", why, actor));
        return link;
    }

    /** A Kontor contact just created from a Xero contact, for {@link #linkMatchedAll}. */
    public record NewMatch(ContactId contact, XeroContact xero) {}

    /**
     * Links Kontor contacts just created from Xero contacts (so not linked yet), origin {@link
     * LinkOrigin#MATCHED}, all at once, each with the same reason.
     *
     * @throws LinkTakenException when one of the Xero contacts is linked already; nothing is linked then
     */
    @Transactional
    public void linkMatchedAll(PracticeId practice, UUID tenantId, List<NewMatch> matches, String actor, String why) {
        var now = now();
        var made = matches.stream()
                .map(match -> new XeroLink(
                        match.contact(),
                        tenantId,
                        match.xero().contactId(),
                        LinkOrigin.MATCHED,
                        match.xero().name(),
                        match.xero().status(),
                        actor,
                        now,
                        now))
                .toList();
        try {
            rows.insertAll(practice, made);
        } catch (DuplicateKeyException taken) {
            throw new LinkTakenException("One of these Xero contacts is already linked to another Kontor contact.");
        }
        rows.recordAll(
                practice, made.stream().map(XeroLink::contactId).toList(), new LinkEvent(now, "Matched", why, actor));
    }

    /**
     * Moves a link to the contact Xero merged its Xero contact into (DESIGN §1 rule 8).
     *
     * @throws LinkTakenException when that contact is linked to another Kontor contact
     */
    @Transactional
    public void moveTo(PracticeId practice, ContactId contact, XeroContact survivor, String actor) {
        var link =
                rows.find(practice, contact).orElseThrow(() -> new LinkTakenException("This contact is not linked."));
        if (rows.findByXeroContact(practice, link.tenantId(), survivor.contactId())
                .isPresent()) {
            throw new LinkTakenException(
                    "The Xero contact " + survivor.name() + " is already linked to another Kontor contact.");
        }
        rows.moveTo(practice, contact, survivor.contactId(), survivor.name(), survivor.status(), now());
        rows.record(
                practice,
                contact,
                new LinkEvent(
                        now(),
                        "Merged in Xero",
                        "Xero merged " + link.xeroName() + " into " + survivor.name() + "; the link follows it.",
                        actor));
    }

    /** Keeps Xero's current name and status on the link, and when Kontor last heard from Xero. */
    public void refresh(PracticeId practice, ContactId contact, XeroContact xero) {
        rows.refresh(practice, contact, xero.name(), xero.status(), now());
    }

    /**
     * Xero asked for the contact's data to be erased (GDPR, DESIGN §1 rule 8): the history keeps its
     * events, actors and times, but no longer Xero's values or what was sent to and answered by Xero.
     */
    public void eraseXeroData(PracticeId practice, ContactId contact) {
        rows.eraseHistory(practice, contact, "Erased at Xero's request (GDPR).");
    }

    public void record(PracticeId practice, ContactId contact, String event, String detail, String actor) {
        rows.record(practice, contact, new LinkEvent(now(), event, detail, actor));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
