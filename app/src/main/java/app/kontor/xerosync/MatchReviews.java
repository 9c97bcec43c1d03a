package app.kontor.xerosync;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactNotFoundException;
import app.kontor.contacts.EmailAddress;
import app.kontor.contacts.PhoneNumber;
import app.kontor.contacts.PostalAddress;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroContactReader;
import app.kontor.xero.XeroContactSnapshot;
import app.kontor.xerolink.LinkTakenException;
import app.kontor.xerolink.XeroLinks;
import app.kontor.xerosync.internal.ReviewRows;
import app.kontor.xerosync.internal.XeroContactRows;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The match review queue at {@code /settings/integrations/xero/matches}: what is waiting, and an
 * admin's decision on it. A decision links with origin {@code MATCHED} (DESIGN §1 rule 6).
 */
@Service
public class MatchReviews {

    /** At most this many reviews are listed at once; the rest follow as these are resolved. */
    public static final int LIST_LIMIT = 100;

    private final ReviewRows reviews;
    private final XeroContactRows xeroContacts;
    private final ContactDirectory contacts;
    private final XeroLinks links;
    private final XeroConnections connections;
    private final ContactApplier applier;

    MatchReviews(
            ReviewRows reviews,
            XeroContactRows xeroContacts,
            ContactDirectory contacts,
            XeroLinks links,
            XeroConnections connections,
            ContactApplier applier) {
        this.reviews = reviews;
        this.xeroContacts = xeroContacts;
        this.contacts = contacts;
        this.links = links;
        this.connections = connections;
        this.applier = applier;
    }

    public int count(PracticeId practice) {
        return reviews.count(practice);
    }

    public List<MatchReview> list(PracticeId practice) {
        var unavailable = links.unavailableForMatching(practice);
        return reviews.list(practice, LIST_LIMIT).stream()
                .map(review -> describe(practice, review, unavailable))
                .flatMap(Optional::stream)
                .toList();
    }

    public Optional<MatchReview> find(PracticeId practice, UUID reviewId) {
        return reviews.find(practice, reviewId)
                .flatMap(review -> describe(practice, review, links.unavailableForMatching(practice)));
    }

    /**
     * {@code Confirm link}: links the Xero contact to {@code contactId}, one of the review's candidates,
     * and gives it Xero's values of the four synced fields.
     *
     * @throws MatchReviewException when the review is gone, the contact is not a candidate, or either
     *     side was linked meanwhile
     */
    @Transactional
    public ContactId confirm(SignedInUser admin, UUID reviewId, ContactId contactId) {
        var review = open(admin, reviewId);
        var candidate = review.candidates().stream()
                .filter(c -> c.contactId().equals(contactId))
                .findFirst()
                .orElseThrow(() -> new MatchReviewException(
                        MatchReviewException.Reason.NOT_A_CANDIDATE,
                        "That Kontor contact is not one of this review's candidates."));
        var xero = snapshot(admin.practiceId(), review);
        try {
            applier.linkAndReplace(
                    run(admin),
                    candidate.contactId(),
                    xero,
                    "Link confirmed in match review by " + admin.email() + ".");
        } catch (LinkTakenException taken) {
            throw new MatchReviewException(MatchReviewException.Reason.TAKEN, taken.getMessage());
        }
        reviews.close(admin.practiceId(), reviewId);
        return candidate.contactId();
    }

    /**
     * {@code Create new}: a new Kontor contact from the Xero contact, linked to it.
     *
     * @throws MatchReviewException when the review is gone or the Xero contact was linked meanwhile
     */
    @Transactional
    public ContactId createNew(SignedInUser admin, UUID reviewId) {
        var review = open(admin, reviewId);
        var xero = snapshot(admin.practiceId(), review);
        try {
            var created = applier.createFromXero(
                    run(admin), xero, "Created from Xero in match review by " + admin.email() + ".");
            reviews.close(admin.practiceId(), reviewId);
            return created.id();
        } catch (LinkTakenException taken) {
            throw new MatchReviewException(MatchReviewException.Reason.TAKEN, taken.getMessage());
        }
    }

    private MatchReview open(SignedInUser admin, UUID reviewId) {
        return find(admin.practiceId(), reviewId)
                .orElseThrow(() -> new MatchReviewException(
                        MatchReviewException.Reason.GONE,
                        "This match review was already resolved, or it no longer exists."));
    }

    private XeroContactSnapshot snapshot(PracticeId practice, MatchReview review) {
        var tenant = connection(practice).tenantId();
        return xeroContacts
                .find(practice, tenant, review.xeroContactId())
                .flatMap(stored -> XeroContactReader.one(stored.rawJson()))
                .orElseThrow(() -> new MatchReviewException(
                        MatchReviewException.Reason.GONE,
                        "Kontor no longer has this Xero contact's details; run the import again."));
    }

    private ContactApplier.Run run(SignedInUser admin) {
        var connection = connection(admin.practiceId());
        return applier.decisionRun(admin.practiceId(), connection.tenantId(), connection.importFilter(), admin.email());
    }

    private XeroConnection connection(PracticeId practice) {
        return connections
                .find(practice)
                .filter(XeroConnection::isConnected)
                .orElseThrow(() -> new MatchReviewException(
                        MatchReviewException.Reason.NOT_CONNECTED,
                        "Connect to Xero first: the review needs the connection."));
    }

    private Optional<MatchReview> describe(PracticeId practice, ReviewRows.Review review, Set<ContactId> unavailable) {
        var stored = xeroContacts.find(practice, review.tenantId(), review.xeroContactId());
        // Linked meanwhile (Link to… from the Xero Client section): nothing is left to decide.
        if (stored.isEmpty()
                || links.findByXeroContact(practice, review.tenantId(), review.xeroContactId())
                        .isPresent()) {
            return Optional.empty();
        }
        var xero = XeroContactReader.one(stored.get().rawJson());
        var xeroValues = xero.map(MatchReviews::values)
                .orElse(new MatchReview.Values(stored.get().name(), "", "", ""));
        var candidates = reviews.candidates(review.id()).stream()
                .filter(candidate -> !unavailable.contains(candidate.contactId()))
                .flatMap(candidate -> find(practice, candidate.contactId()).stream()
                        .map(contact -> new MatchReview.Candidate(
                                contact.id(), values(contact), candidate.sameName(), candidate.sameEmail())))
                .toList();
        return Optional.of(new MatchReview(
                review.id(), review.xeroContactId(), review.reason(), xeroValues, candidates, review.createdAt()));
    }

    private Optional<Contact> find(PracticeId practice, ContactId id) {
        try {
            return Optional.of(contacts.get(practice, id));
        } catch (ContactNotFoundException gone) {
            return Optional.empty();
        }
    }

    private static MatchReview.Values values(Contact contact) {
        return new MatchReview.Values(
                contact.name(),
                contact.billingEmail().map(EmailAddress::address).orElse(""),
                contact.primaryPhone().map(PhoneNumber::display).orElse(""),
                contact.billingAddress().map(PostalAddress::singleLine).orElse(""));
    }

    private static MatchReview.Values values(XeroContactSnapshot xero) {
        var address = xero.postalAddress();
        return new MatchReview.Values(
                xero.displayName(),
                xero.emailAddress() == null ? "" : xero.emailAddress(),
                Optional.ofNullable(XeroValues.phoneText(xero.defaultPhone())).orElse(""),
                address == null ? "" : address.singleLine());
    }
}
