package app.kontor.xerolink;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactKind;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.shared.ContactNames;
import app.kontor.shared.PracticeId;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.NewXeroContact;
import app.kontor.xero.XeroAccounting;
import app.kontor.xero.XeroApiException;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroContact;
import app.kontor.xero.XeroNeedsReconnectException;
import app.kontor.xero.XeroRateLimitedException;
import app.kontor.xero.XeroSettings;
import app.kontor.xerolink.SectionView.Preview;
import app.kontor.xerolink.SectionView.State;
import app.kontor.xerolink.internal.LinkRows;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Create Contact and its pre-flight (DESIGN §1 rule 5), linking to a Xero contact Xero already has,
 * and what the {@code Xero Client} section shows. Exactly once: a pending request row (unique per
 * contact) is written before Xero is called, the same Idempotency-Key is used for any retry, and
 * after an ambiguous failure the contact is looked up by name before retrying.
 */
@Service
public class XeroClientActions {

    /** A Create Contact that has not finished by then was abandoned, e.g. by a server that stopped. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /** Xero's limit for a contact's Name (XERO-CONTRACT §1.10). */
    static final int NAME_MAX = 255;

    /** The longest text {@code Link existing…} searches Xero for. */
    public static final int SEARCH_MAX = 255;

    private final ContactDirectory contacts;
    private final XeroConnections connections;
    private final XeroAccounting xero;
    private final XeroSettings settings;
    private final LinkRows links;
    private final TransactionTemplate transactions;
    private final CreateContactQueue queue;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    XeroClientActions(
            ContactDirectory contacts,
            XeroConnections connections,
            XeroAccounting xero,
            XeroSettings settings,
            LinkRows links,
            TransactionTemplate transactions,
            CreateContactQueue queue,
            Clock clock,
            ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.connections = connections;
        this.xero = xero;
        this.settings = settings;
        this.links = links;
        this.transactions = transactions;
        this.queue = queue;
        this.clock = clock;
        this.events = events;
    }

    /** The section as it stands, without calling Xero. */
    public SectionView view(SignedInUser viewer, Contact contact) {
        var connection = connections.find(viewer.practiceId()).orElse(null);
        var link = links.find(viewer.practiceId(), contact.id()).orElse(null);
        if (link != null) {
            return linked(viewer, contact, connection, link);
        }
        if (connection == null || !connection.isConnected()) {
            return base(viewer, contact, connection, State.NOT_CONNECTED);
        }
        var pending = links.pendingCreate(viewer.practiceId(), contact.id());
        if (pending.isPresent()) {
            var retryAt = pending.get().retryAt();
            if (retryAt != null && retryAt.isAfter(clock.instant().minus(ABANDONED_AFTER))) {
                var wait =
                        Math.max(1, Duration.between(clock.instant(), retryAt).toSeconds() + 1);
                return with(
                        base(viewer, contact, connection, State.QUEUED),
                        State.QUEUED,
                        List.of(),
                        "Queued — will be created within " + wait + " s",
                        List.of());
            }
            if (retryAt == null
                    && pending.get().startedAt().isAfter(clock.instant().minus(ABANDONED_AFTER))) {
                return base(viewer, contact, connection, State.CREATING);
            }
            // A creation that never finished (its server stopped): let it be tried again. The
            // pre-flight finds the contact by name if Xero did create it, so nothing is duplicated.
            links.finishCreate(viewer.practiceId(), contact.id());
        }
        return base(viewer, contact, connection, State.UNLINKED);
    }

    /**
     * Create Contact. {@code anyway} skips the check for contacts with the same email or an
     * archived one with the same name; {@code nameInXero} creates under another name than Kontor's.
     */
    public SectionView createContact(
            SignedInUser user, ContactId contactId, boolean anyway, @Nullable String nameInXero) {
        var contact = contacts.get(user.practiceId(), contactId);
        var current = view(user, contact);
        if (current.state() != State.UNLINKED) {
            return current;
        }
        var connection = connections.find(user.practiceId()).orElseThrow();
        if (contact.archived()) {
            return failed(
                    user,
                    contact,
                    connection,
                    "This contact is archived in Kontor. Restore it before creating it in Xero.",
                    List.of());
        }
        var name = nameInXero == null || nameInXero.isBlank() ? contact.name() : nameInXero.strip();
        if (name.length() > NAME_MAX) {
            // Xero would refuse it; say so without asking.
            return failed(
                    user, contact, connection, "A name in Xero can be at most " + NAME_MAX + " characters.", List.of());
        }
        try {
            var preflight = preflight(user, contact, connection, name, anyway || nameInXero != null);
            if (preflight != null) {
                return preflight;
            }
            return create(user, contact, connection, name);
        } catch (XeroRateLimitedException busy) {
            return busy(user, contact, connection, busy.retryAt());
        } catch (XeroConnectionException trouble) {
            return failed(user, contact, connection, trouble.getMessage(), List.of());
        }
    }

    /** {@code Link to {name}}: links to a Xero contact with the same name that no other contact uses. */
    public SectionView linkTo(SignedInUser user, ContactId contactId, UUID xeroContactId) {
        var contact = contacts.get(user.practiceId(), contactId);
        var connection = connections.find(user.practiceId()).orElse(null);
        if (connection == null || !connection.isConnected()) {
            return view(user, contact);
        }
        try {
            if (links.find(user.practiceId(), contact.id()).isPresent()) {
                return view(user, contact);
            }
            var candidate = xero.findContact(user.practiceId(), xeroContactId).orElse(null);
            if (candidate == null) {
                return failed(user, contact, connection, "That Xero contact was not found any more.", List.of());
            }
            if (links.isLinked(connection.tenantId(), xeroContactId)) {
                return failed(
                        user,
                        contact,
                        connection,
                        "That Xero contact is already linked to another Kontor contact.",
                        List.of());
            }
            link(
                    user.practiceId(),
                    user.displayName(),
                    contact,
                    connection,
                    candidate,
                    LinkOrigin.LINKED,
                    "Linked to an existing Xero contact",
                    "ContactID " + xeroContactId,
                    null);
            return view(user, contact);
        } catch (XeroConnectionException trouble) {
            return failed(user, contact, connection, trouble.getMessage(), List.of());
        } catch (DuplicateKeyException raced) {
            return view(user, contact);
        }
    }

    /** {@code Link existing…}: Xero contacts matching {@code text} by name or email that no contact uses yet. */
    public SectionView searchXero(SignedInUser user, ContactId contactId, String text) {
        var contact = contacts.get(user.practiceId(), contactId);
        var current = view(user, contact);
        if (current.state() != State.UNLINKED || text.isBlank()) {
            return current;
        }
        var connection = connections.find(user.practiceId()).orElseThrow();
        try {
            var found = xero.searchContacts(user.practiceId(), text.strip()).stream()
                    .filter(c -> !links.isLinked(connection.tenantId(), c.contactId()))
                    .toList();
            return with(current, State.SEARCH_RESULTS, found, text.strip(), List.of());
        } catch (XeroRateLimitedException busy) {
            return busy(user, contact, connection, busy.retryAt());
        } catch (XeroNeedsReconnectException lost) {
            // Xero stopped accepting Kontor's access during the search; the connection now says so.
            return view(user, contact);
        } catch (XeroConnectionException trouble) {
            return failed(user, contact, connection, trouble.getMessage(), List.of());
        }
    }

    /**
     * Removes the link (admins only); the Kontor contact and the Xero contact both stay as they are.
     *
     * @throws org.springframework.security.access.AccessDeniedException for members
     */
    public SectionView unlink(SignedInUser user, ContactId contactId) {
        if (!user.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("Only admins unlink");
        }
        var contact = contacts.get(user.practiceId(), contactId);
        var link = links.find(user.practiceId(), contactId).orElse(null);
        if (link != null) {
            transactions.executeWithoutResult(status -> {
                links.delete(user.practiceId(), contactId);
                links.record(
                        user.practiceId(),
                        contactId,
                        new LinkEvent(now(), "Unlinked", link.xeroName(), user.displayName()));
            });
        }
        return view(user, contact);
    }

    private @Nullable SectionView preflight(
            SignedInUser user, Contact contact, XeroConnection connection, String name, boolean skipSoftMatches) {
        var wanted = ContactNames.normalise(name);
        var sameName = xero.searchContacts(user.practiceId(), name).stream()
                .filter(c -> ContactNames.normalise(c.name()).equals(wanted))
                .toList();
        var activeSameName = sameName.stream().filter(XeroContact::isActive).toList();
        if (!activeSameName.isEmpty()) {
            var unlinked = activeSameName.stream()
                    .filter(c -> !links.isLinked(connection.tenantId(), c.contactId()))
                    .findFirst();
            return unlinked.map(c -> decision(user, contact, connection, State.SAME_NAME_UNLINKED, List.of(c)))
                    .orElseGet(() ->
                            decision(user, contact, connection, State.SAME_NAME_LINKED_ELSEWHERE, activeSameName));
        }
        if (skipSoftMatches) {
            return null;
        }
        var candidates = new ArrayList<>(sameName);
        var email = contact.billingEmail().map(e -> e.address()).orElse(null);
        if (email != null) {
            xero.contactsWithEmail(user.practiceId(), email).stream()
                    .filter(c -> candidates.stream()
                            .noneMatch(known -> known.contactId().equals(c.contactId())))
                    .forEach(candidates::add);
        }
        return candidates.isEmpty() ? null : decision(user, contact, connection, State.CANDIDATES, candidates);
    }

    private SectionView create(SignedInUser user, Contact contact, XeroConnection connection, String name) {
        var key = UUID.randomUUID().toString();
        try {
            transactions.executeWithoutResult(status -> links.startCreate(
                    user.practiceId(), contact.id(), connection.tenantId(), key, user.displayName(), now()));
        } catch (DuplicateKeyException alreadyUnderWay) {
            // Another click, tab or server is creating this contact right now.
            return view(user, contact);
        }
        var sent = send(user.practiceId(), user.displayName(), contact, connection, draft(contact, name), key);
        return switch (sent) {
            case Sent.Refused refused ->
                failed(
                        user,
                        contact,
                        connection,
                        "Xero did not accept this contact, so nothing was created. Fix the contact and try again.",
                        refused.messages());
            case Sent.DayLimit day ->
                failed(
                        user,
                        contact,
                        connection,
                        "Xero's daily limit for this organisation is used up; nothing was created. Try again after "
                                + day.until() + ".",
                        List.of());
            default -> view(user, contact);
        };
    }

    /**
     * A queued Create Contact, run by a job once Xero's minute limit allows: the same request, the
     * same Idempotency-Key.
     */
    void resumeQueued(PracticeId practice, ContactId contactId, String actor) {
        var pending = links.pendingCreate(practice, contactId).orElse(null);
        var connection = connections.find(practice).orElse(null);
        if (pending == null) {
            return;
        }
        if (connection == null
                || !connection.isConnected()
                || links.find(practice, contactId).isPresent()) {
            links.finishCreate(practice, contactId);
            return;
        }
        var contact = contacts.get(practice, contactId);
        send(practice, actor, contact, connection, draft(contact, contact.name()), pending.idempotencyKey());
    }

    /** What became of one attempt to create a contact in Xero. */
    private sealed interface Sent {
        record Linked() implements Sent {}

        record Queued(Instant retryAt) implements Sent {}

        record Refused(List<String> messages) implements Sent {}

        record DayLimit(Instant until) implements Sent {}
    }

    /** Sends the contact to Xero under {@code key} and stores the link; the pending request ends unless queued. */
    private Sent send(
            PracticeId practice,
            String actor,
            Contact contact,
            XeroConnection connection,
            NewXeroContact draft,
            String key) {
        var sentValues = describe(draft);
        try {
            XeroContact created;
            try {
                created = xero.createContact(practice, draft, key);
            } catch (XeroApiException refused) {
                if (refused.status() == 400) {
                    throw refused;
                }
                created = afterAmbiguousFailure(practice, connection, draft, key);
            } catch (XeroRateLimitedException limited) {
                throw limited;
            } catch (XeroConnectionException unreachable) {
                created = afterAmbiguousFailure(practice, connection, draft, key);
            }
            var made = created;
            transactions.executeWithoutResult(status -> {
                link(
                        practice,
                        actor,
                        contact,
                        connection,
                        made,
                        LinkOrigin.CREATED,
                        "Created in Xero",
                        sentValues,
                        draft);
                links.finishCreate(practice, contact.id());
            });
            return new Sent.Linked();
        } catch (XeroRateLimitedException limited) {
            if (limited.limit() == XeroRateLimitedException.Limit.DAY) {
                links.finishCreate(practice, contact.id());
                links.record(
                        practice,
                        contact.id(),
                        new LinkEvent(
                                now(),
                                "Create held back",
                                "Xero's daily limit",
                                actor,
                                sentValues,
                                limited.getMessage()));
                return new Sent.DayLimit(limited.retryAt());
            }
            links.queueCreate(practice, contact.id(), limited.retryAt());
            queue.schedule(practice, contact.id(), actor, limited.retryAt());
            links.record(
                    practice,
                    contact.id(),
                    new LinkEvent(
                            now(), "Create queued", "Xero's rate limit", actor, sentValues, limited.getMessage()));
            return new Sent.Queued(limited.retryAt());
        } catch (XeroApiException refused) {
            links.finishCreate(practice, contact.id());
            links.record(
                    practice,
                    contact.id(),
                    new LinkEvent(
                            now(),
                            "Create refused by Xero",
                            draft.name(),
                            actor,
                            sentValues,
                            String.join(" ", refused.messages())));
            return new Sent.Refused(refused.messages());
        } catch (RuntimeException failed) {
            links.finishCreate(practice, contact.id());
            throw failed;
        }
    }

    /**
     * Xero may have created the contact although no answer arrived: look for it by exact name first,
     * and only then retry, with the same Idempotency-Key.
     */
    private XeroContact afterAmbiguousFailure(
            PracticeId practice, XeroConnection connection, NewXeroContact draft, String key) {
        var found = xero.searchContacts(practice, draft.name()).stream()
                .filter(XeroContact::isActive)
                .filter(c -> c.name().equals(draft.name()))
                .filter(c -> !links.isLinked(connection.tenantId(), c.contactId()))
                .toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        return xero.createContact(practice, draft, key);
    }

    /** The values sent, for the audit trail. */
    static String describe(NewXeroContact draft) {
        var phone = draft.phone() == null
                ? ""
                : "+" + draft.phone().countryCode() + " " + draft.phone().areaCode() + " "
                        + draft.phone().number();
        var address = draft.address() == null
                ? ""
                : String.join(
                        ", ",
                        List.of(
                                        draft.address().line1(),
                                        draft.address().city(),
                                        draft.address().postalCode(),
                                        draft.address().country())
                                .stream()
                                .filter(part -> part != null && !part.isBlank())
                                .toList());
        return "Name: " + draft.name() + "; EmailAddress: " + (draft.emailAddress() == null ? "" : draft.emailAddress())
                + "; DEFAULT phone: " + phone + "; POBOX address: " + address;
    }

    private void link(
            PracticeId practice,
            String actor,
            Contact contact,
            XeroConnection connection,
            XeroContact xeroContact,
            LinkOrigin origin,
            String event,
            String sent,
            @Nullable NewXeroContact created) {
        var now = now();
        links.insert(
                practice,
                new XeroLink(
                        contact.id(),
                        connection.tenantId(),
                        xeroContact.contactId(),
                        origin,
                        xeroContact.name(),
                        xeroContact.status(),
                        actor,
                        now,
                        now));
        links.record(
                practice,
                contact.id(),
                new LinkEvent(now, event, xeroContact.name(), actor, sent, "ContactID " + xeroContact.contactId()));
        events.publishEvent(
                new XeroContactLinked(practice, contact.id(), connection.tenantId(), xeroContact.contactId(), created));
    }

    /** What Kontor sends to Xero for this contact under {@code name}: the four synced fields, and a person's names. */
    public static NewXeroContact draft(Contact contact, String name) {
        var person = contact.kind() == ContactKind.PERSON;
        return new NewXeroContact(
                name,
                person ? contact.firstName() : null,
                person ? contact.lastName() : null,
                contact.billingEmail().map(e -> e.address()).orElse(null),
                contact.primaryPhone().map(p -> phone(p.e164())).orElse(null),
                contact.billingAddress()
                        .map(a -> new NewXeroContact.Address(
                                a.line1(),
                                a.line2(),
                                a.line3(),
                                a.line4(),
                                a.city(),
                                a.region(),
                                a.postalCode(),
                                a.country(),
                                a.attentionTo()))
                        .orElse(null));
    }

    /** Splits an E.164 number into Xero's country code, area code and number. */
    static NewXeroContact.@Nullable Phone phone(String e164) {
        var util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(e164, null);
            var national = util.getNationalSignificantNumber(parsed);
            var areaLength = Math.min(util.getLengthOfNationalDestinationCode(parsed), national.length());
            return new NewXeroContact.Phone(
                    String.valueOf(parsed.getCountryCode()),
                    national.substring(0, areaLength),
                    national.substring(areaLength));
        } catch (NumberParseException unreadable) {
            return null;
        }
    }

    private SectionView linked(
            SignedInUser viewer, Contact contact, @Nullable XeroConnection connection, XeroLink link) {
        var sameOrganisation = connection != null && connection.tenantId().equals(link.tenantId());
        var url = sameOrganisation ? connection.contactLink(settings.webUri().toString(), link.xeroContactId()) : null;
        var view = base(viewer, contact, connection, State.LINKED);
        return new SectionView(
                view.contactId(),
                State.LINKED,
                sameOrganisation ? connection.status() : ConnectionStatus.DISCONNECTED,
                view.organisation(),
                view.syncPaused(),
                view.admin(),
                view.preview(),
                link,
                url,
                links.history(viewer.practiceId(), contact.id()),
                List.of(),
                "",
                List.of(),
                view.csrfParameter(),
                view.csrfToken(),
                null);
    }

    private SectionView decision(
            SignedInUser viewer,
            Contact contact,
            XeroConnection connection,
            State state,
            List<XeroContact> candidates) {
        var view = base(viewer, contact, connection, state);
        return with(view, state, candidates, "", List.of());
    }

    /** Xero's rate limit stopped the pre-flight: nothing was sent; the admin can try again after the wait. */
    private SectionView busy(SignedInUser viewer, Contact contact, XeroConnection connection, Instant retryAt) {
        var wait = Math.max(1, Duration.between(clock.instant(), retryAt).toSeconds() + 1);
        var view = with(
                base(viewer, contact, connection, State.BUSY),
                State.BUSY,
                List.of(),
                "Xero is busy for this organisation; nothing was sent. Try again in " + wait + " s.",
                List.of());
        return new SectionView(
                view.contactId(),
                view.state(),
                view.connectionStatus(),
                view.organisation(),
                view.syncPaused(),
                view.admin(),
                view.preview(),
                null,
                null,
                List.of(),
                List.of(),
                view.message(),
                List.of(),
                view.csrfParameter(),
                view.csrfToken(),
                wait);
    }

    private SectionView failed(
            SignedInUser viewer,
            Contact contact,
            @Nullable XeroConnection connection,
            String message,
            List<String> details) {
        var view = base(viewer, contact, connection, State.FAILED);
        return with(view, State.FAILED, List.of(), message, details);
    }

    private static SectionView with(
            SectionView view, State state, List<XeroContact> candidates, String message, List<String> details) {
        return new SectionView(
                view.contactId(),
                state,
                view.connectionStatus(),
                view.organisation(),
                view.syncPaused(),
                view.admin(),
                view.preview(),
                null,
                null,
                List.of(),
                candidates,
                message,
                details,
                view.csrfParameter(),
                view.csrfToken(),
                null);
    }

    private SectionView base(SignedInUser viewer, Contact contact, @Nullable XeroConnection connection, State state) {
        var csrf = currentCsrfToken();
        return new SectionView(
                contact.id().toString(),
                state,
                connection == null ? ConnectionStatus.DISCONNECTED : connection.status(),
                connection == null ? "" : connection.organisationName(),
                connection != null && connection.paused(),
                viewer.isAdmin(),
                new Preview(
                        contact.name(),
                        contact.billingEmail().map(e -> e.address()).orElse(null),
                        contact.primaryPhone().map(p -> p.display()).orElse(null),
                        contact.billingAddress().map(a -> a.singleLine()).orElse(null)),
                null,
                null,
                List.of(),
                List.of(),
                "",
                List.of(),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken(),
                null);
    }

    private static @Nullable CsrfToken currentCsrfToken() {
        var request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? null
                : (CsrfToken) request.getAttribute(CsrfToken.class.getName(), RequestAttributes.SCOPE_REQUEST);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
