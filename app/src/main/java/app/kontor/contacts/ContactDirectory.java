package app.kontor.contacts;

import app.kontor.contacts.internal.ContactRows;
import app.kontor.contacts.internal.MatchKeyRows;
import app.kontor.practice.Practices;
import app.kontor.shared.ContactId;
import app.kontor.shared.Page;
import app.kontor.shared.PracticeId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts of a practice: the one way other code reads and changes them. Every method takes the
 * practice the caller acts for, and treats a contact of any other practice as not found.
 */
@Service
public class ContactDirectory {

    private final ContactRows rows;
    private final MatchKeyRows matchKeys;
    private final Practices practices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactDirectory(
            ContactRows rows,
            MatchKeyRows matchKeys,
            Practices practices,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.matchKeys = matchKeys;
        this.practices = practices;
        this.events = events;
        this.clock = clock;
    }

    public Page<ContactListItem> search(PracticeId practice, ContactSearch search) {
        return rows.search(practice, search);
    }

    /** The name and billing email of every contact of the practice, archived ones included. */
    public List<ContactMatchKey> matchKeys(PracticeId practice) {
        return matchKeys.all(practice);
    }

    /**
     * The contact once any edit of it under way has committed, its row locked until the caller's
     * transaction ends: an edit cannot slip in between what the caller checks and what it then does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Contact> getLocked(PracticeId practice, ContactId id) {
        return rows.lock(practice, id) ? rows.find(practice, id) : Optional.empty();
    }

    public Optional<Contact> find(PracticeId practice, ContactId id) {
        return rows.find(practice, id);
    }

    /** @throws ContactNotFoundException when the practice has no such contact */
    public Contact get(PracticeId practice, ContactId id) {
        return rows.find(practice, id).orElseThrow(ContactNotFoundException::new);
    }

    /** @throws InvalidContactException with every problem, when the input is not a valid contact */
    @Transactional
    public Contact create(PracticeId practice, ContactInput input) {
        return createAll(practice, List.of(input)).getFirst();
    }

    /**
     * Many new contacts at once (an import), written in batches.
     *
     * @throws InvalidContactException for the first input that is not a valid contact; nothing is
     *     written then
     */
    @Transactional
    public List<Contact> createAll(PracticeId practice, List<ContactInput> inputs) {
        var region = phoneRegion(practice);
        return createChecked(
                practice,
                inputs.stream()
                        .map(input -> ContactValidation.validate(input, region))
                        .toList());
    }

    /**
     * Many new contacts from drafts {@link ContactValidation#validate} made with the practice's phone
     * region (an import checks each contact as it maps it, and need not pay for it twice).
     */
    @Transactional
    public List<Contact> createChecked(PracticeId practice, List<ContactDraft> drafts) {
        var now = now();
        var created =
                drafts.stream().map(draft -> newContact(practice, draft, now)).toList();
        rows.insertAll(created);
        created.forEach(contact -> events.publishEvent(new ContactCreated(practice, contact.id())));
        return created;
    }

    private static Contact newContact(PracticeId practice, ContactDraft draft, Instant now) {
        return new Contact(
                ContactId.random(),
                practice,
                draft.kind(),
                draft.name(),
                draft.firstName(),
                draft.lastName(),
                draft.emails(),
                draft.phones(),
                draft.addresses(),
                draft.notes(),
                false,
                now,
                now,
                1);
    }

    /**
     * Replaces the contact's fields with {@code input}, if it is still at {@code expectedVersion}.
     *
     * @throws StaleContactException when someone changed it since
     */
    @Transactional
    public Contact update(PracticeId practice, ContactId id, long expectedVersion, ContactInput input) {
        var draft = ContactValidation.validate(input, phoneRegion(practice));
        return change(practice, id, expectedVersion, current -> current.with(draft));
    }

    /** Archives a contact: hidden from the default list, kept with all its details. */
    @Transactional
    public Contact archive(PracticeId practice, ContactId id, long expectedVersion) {
        return setArchived(practice, id, expectedVersion, true);
    }

    @Transactional
    public Contact restore(PracticeId practice, ContactId id, long expectedVersion) {
        return setArchived(practice, id, expectedVersion, false);
    }

    private Contact setArchived(PracticeId practice, ContactId id, long expectedVersion, boolean archived) {
        return change(practice, id, expectedVersion, current -> current.withArchived(archived));
    }

    private Contact change(PracticeId practice, ContactId id, long expectedVersion, UnaryOperator<Contact> edit) {
        var before = get(practice, id);
        if (before.version() != expectedVersion) {
            throw new StaleContactException(before.version());
        }
        var after = edit.apply(before).touched(now(), expectedVersion + 1);
        if (!rows.update(after, expectedVersion)) {
            // Someone saved between our read and our write.
            throw new StaleContactException(get(practice, id).version());
        }
        events.publishEvent(new ContactUpdated(before, after));
        return after;
    }

    /** Databases keep microseconds; so do we, so what we return equals what we read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String phoneRegion(PracticeId practice) {
        return practices.find(practice).orElseThrow().defaultPhoneRegion();
    }
}
