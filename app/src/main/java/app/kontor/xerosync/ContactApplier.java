package app.kontor.xerosync;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.InvalidContactException;
import app.kontor.practice.Practices;
import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xero.ImportFilter;
import app.kontor.xero.XeroContact;
import app.kontor.xero.XeroContactReader;
import app.kontor.xero.XeroContactSnapshot;
import app.kontor.xerolink.LinkTakenException;
import app.kontor.xerolink.XeroLink;
import app.kontor.xerolink.XeroLinks;
import app.kontor.xerosync.internal.ImportRows;
import app.kontor.xerosync.internal.ProblemRows;
import app.kontor.xerosync.internal.ReviewRows;
import app.kontor.xerosync.internal.XeroContactRows;
import app.kontor.xerosync.internal.XeroContactRows.ReadContact;
import app.kontor.xerosync.internal.XeroContactRows.StoredXeroContact;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what Kontor read of one Xero contact to Kontor: links, match review, new contacts and the
 * Needs attention list (DESIGN §1 rules 3 and 8). The caller runs each contact in its own savepoint,
 * so one contact that fails leaves the others of its batch alone.
 */
@Component
class ContactApplier {

    private static final Logger log = LoggerFactory.getLogger(ContactApplier.class);

    enum Outcome {
        CREATED,
        LINKED,
        NEEDS_REVIEW,
        SKIPPED,
        FAILED
    }

    /** What one run knows: whose contacts, which organisation, and who Kontor's history names. */
    record Run(
            PracticeId practice,
            UUID tenantId,
            ImportFilter filter,
            String phoneRegion,
            Supplier<MatchIndex> indexOnFirstUse,
            String actor) {

        /**
         * The practice's contacts as matching candidates, loaded when first needed: applying Xero's
         * changes to linked contacts (most webhooks) never needs them.
         */
        MatchIndex index() {
            return indexOnFirstUse.get();
        }

        /** The Kontor contacts that could be this Xero contact (DESIGN §1 rule 3). */
        List<ReviewRows.Candidate> candidatesFor(StoredXeroContact stored) {
            return index().candidates(stored.matchName(), stored.matchEmail());
        }
    }

    private final ContactDirectory contacts;
    private final XeroLinks links;
    private final Practices practices;
    private final XeroContactRows xeroContacts;
    private final ReviewRows reviews;
    private final ProblemRows problems;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final XeroPushes pushes;

    ContactApplier(
            ContactDirectory contacts,
            XeroLinks links,
            Practices practices,
            XeroContactRows xeroContacts,
            ReviewRows reviews,
            ProblemRows problems,
            PlatformTransactionManager transactions,
            Clock clock,
            XeroPushes pushes) {
        this.contacts = contacts;
        this.pushes = pushes;
        this.links = links;
        this.practices = practices;
        this.xeroContacts = xeroContacts;
        this.reviews = reviews;
        this.problems = problems;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A run that matches against the practice's contacts as they are now (one read of them all). */
    Run matchingRun(PracticeId practice, UUID tenantId, ImportFilter filter, String actor) {
        var index = Memo.of(() -> MatchIndex.of(contacts.matchKeys(practice), links.unavailableForMatching(practice)));
        return new Run(practice, tenantId, filter, phoneRegion(practice), index, actor);
    }

    /** A run for one decision already made (match review), which needs no index of candidates. */
    Run decisionRun(PracticeId practice, UUID tenantId, ImportFilter filter, String actor) {
        var none = MatchIndex.of(List.of(), Set.of());
        return new Run(practice, tenantId, filter, phoneRegion(practice), () -> none, actor);
    }

    private String phoneRegion(PracticeId practice) {
        return practices.find(practice).orElseThrow().defaultPhoneRegion();
    }

    /**
     * Whether nothing read later can change what happens to this contact, so it may be applied while
     * the rest of the read goes on: no Kontor contact is a candidate for it (it becomes a new contact,
     * is skipped, or updates the contact it is linked to) and it was not merged (the survivor may come
     * later). A contact with candidates waits for the whole read: a rival read later (DESIGN §1 rule 3,
     * exactly one candidate each side) turns its link into a review, and every such rival has the same
     * candidates, so it waits too.
     */
    boolean decidableBeforeTheReadEnds(Run run, StoredXeroContact stored) {
        return stored.mergedTo() == null && run.candidatesFor(stored).isEmpty();
    }

    /**
     * Applies each contact in its own savepoint of the caller's transaction; one that fails is
     * rolled back alone, named in Needs attention, and counted as failed. What the batch needs from
     * the database (links, rivals, old problems) is read and cleared for the whole batch at once, and a
     * contact whose outcome writes nothing at once (a new contact, made with the others by {@link
     * #createAll}, or one skipped) needs no savepoint: an import's usual contact costs no statement of
     * its own.
     */
    ImportRows.Applied applyEach(Run run, List<StoredXeroContact> batch) {
        return applyRead(
                run,
                batch.stream()
                        .map(stored -> new ReadContact(
                                stored, XeroContactReader.one(stored.rawJson()).orElse(null)))
                        .toList());
    }

    /** As {@link #applyEach}, for contacts whose JSON is read already (a page just read). */
    ImportRows.Applied applyRead(Run run, List<ReadContact> batch) {
        int created = 0, linked = 0, review = 0, skipped = 0, failed = 0;
        var facts = BatchFacts.read(run, batch.stream().map(ReadContact::stored).toList(), links, xeroContacts);
        problems.clearAll(
                run.tenantId(),
                batch.stream().map(read -> read.stored().xeroContactId()).toList());
        var newContacts = new ArrayList<NewFromXero>();
        for (var read : batch) {
            var stored = read.stored();
            var snapshot = read.snapshot();
            Outcome outcome;
            try {
                outcome = writesNothingAtOnce(run, stored, snapshot, facts)
                        ? decide(run, stored, snapshot, facts, newContacts)
                        : savepoint.execute(inner -> decide(run, stored, snapshot, facts, newContacts));
            } catch (RuntimeException unexpected) {
                log.warn("Xero contact {} could not be applied", stored.xeroContactId(), unexpected);
                problem(
                        run,
                        stored,
                        null,
                        "Contact",
                        null,
                        "Kontor could not apply this contact: " + plain(unexpected));
                outcome = Outcome.FAILED;
            }
            switch (outcome) {
                case CREATED -> created++;
                case LINKED -> linked++;
                case NEEDS_REVIEW -> review++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
        }
        var notCreated = createAll(run, newContacts);
        return new ImportRows.Applied(created - notCreated, linked, review, skipped, failed + notCreated);
    }

    /**
     * Whether {@link #decide} will only decide, not write: an unlinked contact Xero sent cleanly, with
     * no Kontor candidate and no rival of the same name, becomes a new contact or is skipped.
     */
    private static boolean writesNothingAtOnce(
            Run run, StoredXeroContact stored, @Nullable XeroContactSnapshot snapshot, BatchFacts facts) {
        return snapshot != null
                && snapshot.problems().isEmpty()
                && stored.mergedTo() == null
                && !"GDPRREQUEST".equals(stored.status())
                && facts.link(stored.xeroContactId()) == null
                && facts.sameNameRivals(stored) == 0
                && run.candidatesFor(stored).isEmpty();
    }

    /**
     * What matching needs to know of a batch, read in three statements rather than two or three per contact:
     * the links of its Xero contacts and the rivals of each (other Xero contacts of the organisation
     * with the same name or billing email that are not linked, merged away or erased). Kept current
     * as the batch links contacts, as the statements per contact were.
     */
    private static final class BatchFacts {

        private final Map<UUID, XeroLink> links;
        private final Map<String, List<UUID>> rivalsByName = new HashMap<>();
        private final Map<String, List<UUID>> rivalsByEmail = new HashMap<>();
        private final Set<UUID> linkedNow = new HashSet<>();

        private BatchFacts(Map<UUID, XeroLink> links) {
            this.links = new HashMap<>(links);
        }

        static BatchFacts read(Run run, List<StoredXeroContact> batch, XeroLinks links, XeroContactRows xeroContacts) {
            var ids = batch.stream().map(StoredXeroContact::xeroContactId).toList();
            var facts = new BatchFacts(links.findByXeroContacts(run.practice(), run.tenantId(), ids));
            // Only an unlinked contact is matched, so only its rivals matter (none, for most webhooks).
            var unlinked = batch.stream()
                    .filter(stored -> facts.link(stored.xeroContactId()) == null)
                    .toList();
            var names = unlinked.stream()
                    .map(StoredXeroContact::matchName)
                    .filter(name -> !name.isEmpty())
                    .collect(Collectors.toSet());
            var emails = unlinked.stream()
                    .map(StoredXeroContact::matchEmail)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            for (var rival : xeroContacts.rivalsAmong(run.tenantId(), names, emails)) {
                if (names.contains(rival.matchName())) {
                    facts.rivalsByName
                            .computeIfAbsent(rival.matchName(), key -> new ArrayList<>(1))
                            .add(rival.xeroContactId());
                }
                if (rival.matchEmail() != null && emails.contains(rival.matchEmail())) {
                    facts.rivalsByEmail
                            .computeIfAbsent(rival.matchEmail(), key -> new ArrayList<>(1))
                            .add(rival.xeroContactId());
                }
            }
            return facts;
        }

        @Nullable
        XeroLink link(UUID xeroContactId) {
            return links.get(xeroContactId);
        }

        /** The Xero contact is linked now (matched, or a link moved to it by a merge). */
        void linked(XeroLink link) {
            links.put(link.xeroContactId(), link);
            linkedNow.add(link.xeroContactId());
        }

        Set<UUID> rivalsOf(StoredXeroContact stored) {
            var rivals = new LinkedHashSet<UUID>();
            rivals.addAll(rivalsByName(stored));
            if (stored.matchEmail() != null) {
                rivalsByEmail.getOrDefault(stored.matchEmail(), List.of()).stream()
                        .filter(id -> isRival(stored, id))
                        .forEach(rivals::add);
            }
            return rivals;
        }

        long sameNameRivals(StoredXeroContact stored) {
            return rivalsByName(stored).size();
        }

        private List<UUID> rivalsByName(StoredXeroContact stored) {
            return rivalsByName.getOrDefault(stored.matchName(), List.of()).stream()
                    .filter(id -> isRival(stored, id))
                    .toList();
        }

        private boolean isRival(StoredXeroContact stored, UUID other) {
            return !other.equals(stored.xeroContactId()) && !linkedNow.contains(other);
        }
    }

    /** A Xero contact that becomes a new Kontor contact once its batch has been gone through. */
    private record NewFromXero(StoredXeroContact stored, XeroContactSnapshot xero, XeroValues.Mapped mapped) {}

    static final String CREATED_ON_IMPORT = "Created in Kontor from Xero on import.";

    /**
     * Creates the batch's new contacts together, in JDBC batches; if that fails (one of them is
     * invalid after all, or a Xero contact got linked meanwhile), one by one, each in its own
     * savepoint, so the others still arrive.
     *
     * @return how many could not be created
     */
    private int createAll(Run run, List<NewFromXero> newContacts) {
        if (newContacts.isEmpty()) {
            return 0;
        }
        try {
            savepoint.executeWithoutResult(inner -> {
                var created = contacts.createChecked(
                        run.practice(),
                        newContacts.stream().map(n -> n.mapped().draft()).toList());
                var matches = new ArrayList<XeroLinks.NewMatch>();
                for (var i = 0; i < created.size(); i++) {
                    matches.add(new XeroLinks.NewMatch(
                            created.get(i).id(), newContacts.get(i).xero().summary()));
                }
                links.linkMatchedAll(run.practice(), run.tenantId(), matches, run.actor(), CREATED_ON_IMPORT);
                reviews.closeForAll(
                        run.tenantId(),
                        newContacts.stream().map(n -> n.xero().contactId()).toList());
                for (var i = 0; i < created.size(); i++) {
                    rejected(
                            run,
                            newContacts.get(i).xero(),
                            created.get(i).id(),
                            newContacts.get(i).mapped().rejected());
                }
            });
            return 0;
        } catch (RuntimeException together) {
            log.debug("Creating {} contacts from Xero together failed; one by one", newContacts.size(), together);
        }
        var failed = 0;
        for (var one : newContacts) {
            try {
                savepoint.executeWithoutResult(inner -> createFromXero(run, one.xero(), CREATED_ON_IMPORT));
            } catch (RuntimeException unexpected) {
                log.warn(
                        "Xero contact {} could not be created in Kontor",
                        one.xero().contactId(),
                        unexpected);
                problem(
                        run,
                        one.stored(),
                        null,
                        "Contact",
                        null,
                        "Kontor could not apply this contact: " + plain(unexpected));
                failed++;
            }
        }
        return failed;
    }

    /** What an admin can act on; anything else (a database error) is in the server's log, not on screen. */
    private static String plain(RuntimeException failure) {
        return switch (failure) {
            case InvalidContactException invalid ->
                "Kontor's rules reject it: "
                        + String.join(" ", invalid.errors().asMap().values());
            case LinkTakenException taken -> taken.getMessage();
            default -> "an unexpected error; the server's log has the details.";
        };
    }

    /**
     * What to do with one Xero contact; links, reviews and problems are written at once, a new Kontor
     * contact is added to {@code newContacts} for {@link #createAll} (and counted as created).
     */
    private Outcome decide(
            Run run,
            StoredXeroContact stored,
            @Nullable XeroContactSnapshot snapshot,
            BatchFacts facts,
            List<NewFromXero> newContacts) {
        var link = facts.link(stored.xeroContactId());
        if (link != null) {
            return applyToLink(run, link.contactId(), stored, snapshot, facts);
        }
        if (stored.mergedTo() != null || "GDPRREQUEST".equals(stored.status())) {
            // Merged away or erased in Xero, and never linked: nothing of it belongs in Kontor.
            reviews.closeFor(run.tenantId(), stored.xeroContactId());
            return Outcome.SKIPPED;
        }
        if (snapshot == null) {
            problem(run, stored, null, "Contact", null, "Kontor could not read what Xero sent for this contact.");
            return Outcome.FAILED;
        }
        snapshot.problems().forEach(text -> problem(run, stored, null, "Contact", null, text));
        if (!snapshot.knownStatus() || snapshot.displayName().isEmpty()) {
            return Outcome.FAILED;
        }
        var candidates = run.candidatesFor(stored);
        var rivals = facts.rivalsOf(stored);
        var sameNameRivals = facts.sameNameRivals(stored);
        if (sameNameRivals > 0) {
            problem(
                    run,
                    stored,
                    null,
                    "Name",
                    snapshot.displayName(),
                    "Xero has " + (sameNameRivals + 1) + " contacts with this name, so Kontor will not link any of "
                            + "them by itself.");
        }
        if (candidates.size() == 1
                && candidates.getFirst().sameName()
                && candidates.getFirst().sameEmail()
                && rivals.isEmpty()) {
            var contact = candidates.getFirst().contactId();
            facts.linked(linkAndReplace(run, contact, snapshot, "Matched on import: same name and billing email."));
            return Outcome.LINKED;
        }
        if (!candidates.isEmpty()) {
            reviews.open(
                    run.practice(),
                    run.tenantId(),
                    stored.xeroContactId(),
                    reviewReason(candidates, rivals.size()),
                    candidates,
                    clock.instant());
            return Outcome.NEEDS_REVIEW;
        }
        if (!snapshot.isActive() || !run.filter().admits(snapshot.customer(), snapshot.supplier())) {
            return Outcome.SKIPPED;
        }
        newContacts.add(new NewFromXero(stored, snapshot, XeroValues.newContact(snapshot, run.phoneRegion())));
        return Outcome.CREATED;
    }

    /** Links an existing Kontor contact and gives it Xero's values of the four synced fields. */
    XeroLink linkAndReplace(Run run, ContactId contact, XeroContactSnapshot xero, String why) {
        var link = links.linkMatched(run.practice(), contact, run.tenantId(), xero.summary(), run.actor(), why);
        run.index().remove(contact);
        reviews.closeFor(run.tenantId(), xero.contactId());
        replaceSyncedFields(run, contacts.get(run.practice(), contact), xero, null);
        return link;
    }

    /** A new Kontor contact with Xero's values, linked to it with origin MATCHED. */
    Contact createFromXero(Run run, XeroContactSnapshot xero, String why) {
        var mapped = XeroValues.newContact(xero, run.phoneRegion());
        var created = contacts.create(run.practice(), mapped.input());
        links.linkMatched(run.practice(), created.id(), run.tenantId(), xero.summary(), run.actor(), why);
        reviews.closeFor(run.tenantId(), xero.contactId());
        rejected(run, xero, created.id(), mapped.rejected());
        return created;
    }

    private Outcome applyToLink(
            Run run,
            ContactId contact,
            StoredXeroContact stored,
            @Nullable XeroContactSnapshot snapshot,
            BatchFacts facts) {
        reviews.closeFor(run.tenantId(), stored.xeroContactId());
        var summary = snapshot != null
                ? snapshot.summary()
                : new XeroContact(
                        stored.xeroContactId(),
                        stored.name(),
                        null,
                        stored.status(),
                        stored.updatedAt(),
                        stored.mergedTo());
        if ("GDPRREQUEST".equals(stored.status())) {
            links.refresh(run.practice(), contact, summary);
            links.eraseXeroData(run.practice(), contact);
            links.record(
                    run.practice(),
                    contact,
                    "Erasure requested in Xero",
                    "Xero asked for this contact's data to be erased (GDPR). Kontor erased its copy of Xero's data; "
                            + "the Kontor contact is kept for an admin to review.",
                    run.actor());
            problem(
                    run,
                    stored,
                    contact,
                    "Contact",
                    null,
                    "Xero asked for this contact's data to be erased (GDPR request). Review the Kontor contact.");
            return Outcome.LINKED;
        }
        if (stored.mergedTo() != null) {
            var survivor = xeroContacts.find(run.practice(), run.tenantId(), stored.mergedTo());
            var survivorSummary = survivor.map(s -> new XeroContact(
                            s.xeroContactId(), s.name(), s.matchEmail(), s.status(), s.updatedAt(), s.mergedTo()))
                    .orElse(new XeroContact(
                            stored.mergedTo(), "the contact it was merged into", null, "ACTIVE", null, null));
            try {
                links.moveTo(run.practice(), contact, survivorSummary, run.actor());
                // The survivor may come later in this batch: it is linked now.
                links.find(run.practice(), contact).ifPresent(facts::linked);
            } catch (LinkTakenException linkedElsewhere) {
                links.refresh(run.practice(), contact, summary);
                reviews.open(
                        run.practice(),
                        run.tenantId(),
                        stored.mergedTo(),
                        "Xero merged " + stored.name() + " into " + survivorSummary.name()
                                + ", which is linked to another Kontor contact.",
                        List.of(new ReviewRows.Candidate(contact, false, false)),
                        clock.instant());
                return Outcome.NEEDS_REVIEW;
            }
            return Outcome.LINKED;
        }
        links.refresh(run.practice(), contact, summary);
        if (snapshot != null) {
            snapshot.problems().forEach(text -> problem(run, stored, contact, "Contact", null, text));
            if (!snapshot.displayName().isEmpty()) {
                var lastApplied = XeroContactReader.one(stored.appliedJson()).orElse(null);
                replaceSyncedFields(run, contacts.get(run.practice(), contact), snapshot, lastApplied);
            }
        }
        return Outcome.LINKED;
    }

    /** @param lastApplied the Xero contact as last applied to Kontor; null replaces all four fields */
    private void replaceSyncedFields(
            Run run, Contact before, XeroContactSnapshot xero, @Nullable XeroContactSnapshot lastApplied) {
        var mapped = XeroValues.replaceSyncedFields(before.toInput(), xero, lastApplied, run.phoneRegion());
        rejected(run, xero, before.id(), mapped.rejected());
        var after = XeroPushes.fromXero(
                () -> contacts.update(run.practice(), before.id(), before.version(), mapped.input()));
        var changes = SyncedFields.changes(before, after);
        if (!changes.isEmpty()) {
            links.record(run.practice(), before.id(), "Updated from Xero", changes, run.actor());
        }
        if (lastApplied != null) {
            pushes.xeroApplied(run.practice(), before, after, lastApplied, run.actor());
        }
    }

    private void rejected(Run run, XeroContactSnapshot xero, ContactId contact, List<XeroValues.Rejected> rejected) {
        for (var value : rejected) {
            problems.add(
                    run.practice(),
                    run.tenantId(),
                    xero.contactId(),
                    contact,
                    xero.displayName(),
                    value.field(),
                    value.rawValue(),
                    value.reason() + " Kontor kept the rest of the contact; the value is shown here as Xero sent it.",
                    clock.instant());
        }
    }

    private void problem(
            Run run,
            StoredXeroContact stored,
            @Nullable ContactId contact,
            String field,
            @Nullable String raw,
            String reason) {
        problems.add(
                run.practice(),
                run.tenantId(),
                stored.xeroContactId(),
                contact,
                stored.name().isEmpty() ? "(no name)" : stored.name(),
                field,
                raw,
                reason,
                clock.instant());
    }

    private static String reviewReason(List<ReviewRows.Candidate> candidates, int rivals) {
        if (rivals > 0) {
            return "Xero has other contacts with the same name or email.";
        }
        if (candidates.size() > 1) {
            return candidates.size() + " Kontor contacts could be this one.";
        }
        var only = candidates.getFirst();
        if (only.sameName() && only.sameEmail()) {
            return "Same name and billing email.";
        }
        return only.sameName() ? "Same name, different billing email." : "Same billing email, different name.";
    }
}
