package app.kontor.xerosync;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactNotFoundException;
import app.kontor.contacts.ContactUpdated;
import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xero.NewXeroContact;
import app.kontor.xero.XeroAccounting;
import app.kontor.xero.XeroApiException;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroContactReader;
import app.kontor.xero.XeroContactSnapshot;
import app.kontor.xero.XeroNeedsReconnectException;
import app.kontor.xero.XeroRateLimitedException;
import app.kontor.xerolink.LinkOrigin;
import app.kontor.xerolink.XeroClientActions;
import app.kontor.xerolink.XeroLink;
import app.kontor.xerolink.XeroLinks;
import app.kontor.xerosync.internal.XeroContactRows;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kontor's edits of the four synced fields sent to Xero for {@code MATCHED} and {@code LINKED} links
 * (DESIGN §1 rule 6): {@code POST /Contacts/{ContactID}} with an Idempotency-Key, as a durable
 * db-scheduler job scheduled in the transaction of the edit. {@code CREATED} links stay one-way. When
 * Xero changed the contact too since Kontor last read it, Xero wins: its values replace Kontor's and
 * the contact's Xero history records the conflict.
 */
@Configuration(proxyBeanMethods = false)
public class XeroPushes {

    private static final Logger log = LoggerFactory.getLogger(XeroPushes.class);

    static final String TASK = "xero-push";
    static final String ACTOR = "Kontor";
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    static final Duration WHILE_PAUSED = Duration.ofMinutes(5);

    private static final String NAME = "Name";
    private static final String EMAIL = "Billing email";
    private static final String PHONE = "Primary phone";
    private static final String ADDRESS = "Billing address";

    private final ContactDirectory contacts;
    private final XeroLinks links;
    private final XeroConnections connections;
    private final XeroAccounting accounting;
    private final XeroContactRows xeroContacts;
    private final ObjectProvider<ContactApplier> applier;
    private final ObjectProvider<Scheduler> scheduler;
    private final TransactionTemplate transaction;
    private final CustomTask<String> task;
    private final Clock clock;

    XeroPushes(
            ContactDirectory contacts,
            XeroLinks links,
            XeroConnections connections,
            XeroAccounting accounting,
            XeroContactRows xeroContacts,
            ObjectProvider<ContactApplier> applier,
            ObjectProvider<Scheduler> scheduler,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.contacts = contacts;
        this.links = links;
        this.connections = connections;
        this.accounting = accounting;
        this.xeroContacts = xeroContacts;
        this.applier = applier;
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        // Instance id = the Kontor contact, so edits made before the job runs go in one push of the latest values.
        this.task = Tasks.custom(TASK, String.class).execute((instance, context) -> {
            var practice = new PracticeId(UUID.fromString(instance.getData()));
            var contact = new ContactId(UUID.fromString(instance.getId()));
            var versionRead = contacts.find(practice, contact).map(Contact::version);
            var retryAt = push(practice, contact);
            return (complete, operations) -> {
                try {
                    transaction.executeWithoutResult(status -> {
                        // An edit made while this ran found the job already there and scheduled nothing: run again.
                        var again = retryAt.or(() -> editedSince(practice, contact, versionRead));
                        again.ifPresentOrElse(at -> operations.reschedule(complete, at), operations::stop);
                    });
                } catch (RuntimeException e) {
                    // E.g. the contact's row stayed locked too long: try again soon rather than leave the job stuck.
                    log.warn("Push of contact {} to Xero could not finish; trying again in a minute", contact, e);
                    operations.reschedule(complete, clock.instant().plus(RETRY_AFTER_FAILURE));
                }
            };
        });
    }

    /** Now, if the contact changed since {@code versionRead} and Xero does not have its values yet. */
    private Optional<Instant> editedSince(PracticeId practice, ContactId contact, Optional<Long> versionRead) {
        return contacts.getLocked(practice, contact)
                .filter(now -> versionRead.isPresent() && now.version() != versionRead.get())
                .filter(this::unsent)
                .map(now -> clock.instant());
    }

    /** Set while Xero's own values are written to a Kontor contact: those edits are not sent back. */
    private static final ThreadLocal<Boolean> APPLYING_XERO = ThreadLocal.withInitial(() -> false);

    /** Runs {@code write}, which applies Xero's values to Kontor, without pushing them back to Xero. */
    static <T> T fromXero(java.util.function.Supplier<T> write) {
        var outer = APPLYING_XERO.get();
        APPLYING_XERO.set(true);
        try {
            return write.get();
        } finally {
            APPLYING_XERO.set(outer);
        }
    }

    @Bean
    CustomTask<String> xeroPushTask() {
        return task;
    }

    /**
     * Runs in the edit's transaction, so the push is durable exactly when the edit is. Xero's own
     * values applied by a sync, and values Kontor's copy of the Xero contact already has, are not sent
     * back.
     */
    @EventListener
    void onContactUpdated(ContactUpdated updated) {
        var after = updated.after();
        if (APPLYING_XERO.get() || SyncedFields.changes(updated.before(), after).isEmpty() || !unsent(after)) {
            return;
        }
        scheduler
                .getObject()
                .schedule(
                        task.instance(
                                after.id().value().toString(),
                                after.practiceId().value().toString()),
                        clock.instant(),
                        ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
    }

    /**
     * Whether the contact is linked both ways and its synced values differ from Kontor's copy of the
     * Xero contact, i.e. there is something to send.
     */
    private boolean unsent(Contact contact) {
        var link = links.find(contact.practiceId(), contact.id()).orElse(null);
        if (link == null || link.origin() == LinkOrigin.CREATED) {
            return false;
        }
        var stored = xeroContacts
                .find(contact.practiceId(), link.tenantId(), link.xeroContactId())
                .orElse(null);
        if (stored != null && XeroContactSnapshot.GDPR_REQUEST.equals(stored.status())) {
            return false; // Xero is erasing it: Kontor sends it nothing (DESIGN §1 rule 8)
        }
        var known = stored == null ? Optional.<XeroContactSnapshot>empty() : XeroContactReader.one(stored.rawJson());
        return known.isEmpty() || !sameSyncedValues(contact, known.get());
    }

    /**
     * Xero's values have just replaced Kontor's ({@code before} → {@code after}, by a sync or a webhook):
     * a Kontor edit that was still waiting to be sent loses where Xero changed the same field, and the
     * history says so (DESIGN §1 rule 6), as when the push itself finds Xero changed.
     *
     * @param lastApplied the Xero contact as last applied to Kontor, before this change
     */
    void xeroApplied(
            PracticeId practice, Contact before, Contact after, XeroContactSnapshot lastApplied, String actor) {
        var lost = lostEdits(before, after, lastApplied);
        if (!lost.isEmpty() && waiting(before.id())) {
            recordConflict(practice, before.id(), lost, actor);
        }
    }

    /** Whether a push of this contact waits to run (not one running now). */
    private boolean waiting(ContactId contact) {
        return scheduler
                .getObject()
                .getScheduledExecution(TaskInstanceId.of(TASK, contact.value().toString()))
                .filter(execution -> !execution.isPicked())
                .isPresent();
    }

    /**
     * Pushes of the practice waiting for a later try (at most {@link #WHILE_PAUSED} away) go now. Called when a sync has read Xero's
     * changes, so that conflicts with them are already recorded (by the applier) and the pushes send
     * only what Xero does not have. After Resume sync this is what sends the edits made while paused.
     */
    void sendWaiting(PracticeId practiceId) {
        var practice = practiceId.value().toString();
        var now = clock.instant();
        for (var execution : scheduler.getObject().getScheduledExecutionsForTask(TASK, String.class)) {
            var at = execution.getExecutionTime();
            // Pushes held back by a pause or a passing failure; those waiting for Xero's limit keep its time.
            if (practice.equals(execution.getData()) && at.isAfter(now) && !at.isAfter(now.plus(WHILE_PAUSED))) {
                try {
                    scheduler.getObject().reschedule(execution.getTaskInstance(), now);
                } catch (TaskInstanceException runningOrDone) {
                    // Picked up or finished meanwhile: nothing left to bring forward.
                }
            }
        }
    }

    /**
     * Sends the contact's current values, unless Xero changed it meanwhile (then Xero's are applied).
     *
     * @return when to try again, if Xero could not take it now
     */
    Optional<Instant> push(PracticeId practice, ContactId contactId) {
        var link = links.find(practice, contactId).orElse(null);
        if (link == null || link.origin() == LinkOrigin.CREATED) {
            return Optional.empty(); // unlinked (or re-linked by Create Contact) since the edit
        }
        var connection = connections
                .find(practice)
                .filter(XeroConnection::isConnected)
                .filter(c -> c.tenantId().equals(link.tenantId()))
                .orElse(null);
        if (connection == null) {
            links.record(
                    practice,
                    contactId,
                    "Not sent to Xero",
                    "Kontor is not connected to this contact's Xero organisation.",
                    ACTOR);
            return Optional.empty();
        }
        if (connection.paused()) {
            return Optional.of(clock.instant().plus(WHILE_PAUSED));
        }
        try {
            return send(practice, link);
        } catch (XeroRateLimitedException limited) {
            return Optional.of(limited.retryAt());
        } catch (XeroNeedsReconnectException reconnect) {
            links.record(practice, contactId, "Not sent to Xero", reconnect.getMessage(), ACTOR);
            return Optional.empty();
        } catch (XeroApiException refused) {
            if (refused.status() >= 500) {
                return Optional.of(clock.instant().plus(RETRY_AFTER_FAILURE));
            }
            links.record(practice, contactId, "Xero refused the change", refused.getMessage(), ACTOR);
            return Optional.empty();
        } catch (XeroConnectionException passing) {
            log.info("Push of contact {} to Xero waits a minute: {}", contactId, passing.getMessage());
            return Optional.of(clock.instant().plus(RETRY_AFTER_FAILURE));
        }
    }

    private Optional<Instant> send(PracticeId practice, XeroLink link) {
        Contact contact;
        try {
            contact = contacts.get(practice, link.contactId());
        } catch (ContactNotFoundException gone) {
            return Optional.empty();
        }
        var inXero = accounting.contactsById(practice, Set.of(link.xeroContactId())).contacts().stream()
                .findFirst()
                .orElse(null);
        if (inXero == null) {
            links.record(practice, link.contactId(), "Not sent to Xero", "Xero no longer has this contact.", ACTOR);
            return Optional.empty();
        }
        if (inXero.isErasureRequested()) {
            links.record(
                    practice,
                    link.contactId(),
                    "Not sent to Xero",
                    "Xero is erasing this contact's data (GDPR request), so Kontor sends it nothing.",
                    ACTOR);
            return Optional.empty();
        }
        var known = xeroContacts
                .find(practice, link.tenantId(), link.xeroContactId())
                .orElse(null);
        if (known != null && changedSince(inXero, known.updatedAt())) {
            // Xero changed it too: its changes are applied first; a field changed on both sides keeps Xero's value.
            contact = xeroWins(
                    practice,
                    link,
                    inXero,
                    contact,
                    XeroContactReader.one(known.rawJson()).orElse(null));
        }
        if (sameSyncedValues(contact, inXero)) {
            remember(practice, link, inXero);
            return Optional.empty();
        }
        var values = XeroClientActions.draft(contact, contact.name());
        var sent = accounting.updateContact(
                practice, inXero, values, idempotencyKey(link.xeroContactId(), contact.version(), values));
        remember(practice, link, sent);
        links.refresh(practice, link.contactId(), sent.summary());
        var sentValues = values(values);
        links.record(
                practice,
                link.contactId(),
                "Sent to Xero",
                describe(differing(sentValues, values(inXero)), values(inXero), sentValues),
                ACTOR);
        return Optional.empty();
    }

    /**
     * Xero changed the contact since Kontor last read it: its changes are applied as a sync would; a
     * field Kontor changed too keeps Xero's value, and the history names Kontor's edit that lost.
     *
     * @return the Kontor contact with Xero's changes
     */
    private Contact xeroWins(
            PracticeId practice,
            XeroLink link,
            XeroContactSnapshot inXero,
            Contact before,
            @Nullable XeroContactSnapshot lastRead) {
        return transaction.execute(status -> {
            xeroContacts.store(practice, link.tenantId(), List.of(inXero), clock.instant());
            var pending = xeroContacts.pendingAmong(link.tenantId(), Set.of(link.xeroContactId()));
            var filter = connections.find(practice).orElseThrow().importFilter();
            var apply = applier.getObject();
            apply.applyEach(apply.decisionRun(practice, link.tenantId(), filter, "Xero (conflict)"), pending);
            xeroContacts.applied(link.tenantId(), List.of(link.xeroContactId()));
            var after = contacts.get(practice, link.contactId());
            recordConflict(practice, link.contactId(), lostEdits(before, after, lastRead), ACTOR);
            return after;
        });
    }

    /**
     * The fields whose Kontor value, edited since Kontor last read the Xero contact, Xero's values have
     * just replaced, each as "Billing email: Xero's value → Kontor's lost edit"; empty when none.
     * Judged on what was really replaced, so a Xero change only of case or spacing counts, and a
     * value Xero cleared (never applied, DESIGN §1 rule 6) does not.
     *
     * @param before the Kontor contact before Xero's values were applied
     * @param after the same contact after
     * @param lastRead the Xero contact as Kontor last read it; null: unknown, any Kontor value counts as edited
     */
    private static String lostEdits(Contact before, Contact after, @Nullable XeroContactSnapshot lastRead) {
        var kontor = values(XeroClientActions.draft(before, before.name()));
        var applied = values(XeroClientActions.draft(after, after.name()));
        var last = lastRead == null ? Map.<String, Value>of() : values(lastRead);
        var lost = new LinkedHashSet<String>();
        for (var field : List.of(NAME, EMAIL, PHONE, ADDRESS)) {
            var edit = kontor.getOrDefault(field, NONE);
            var replaced =
                    !edit.shown().equals(applied.getOrDefault(field, NONE).shown());
            var edited = !edit.compared().equals(last.getOrDefault(field, NONE).compared());
            if (!edit.shown().isEmpty() && replaced && edited) {
                lost.add(field);
            }
        }
        return describe(lost, applied, kontor);
    }

    /** Records in the contact's Xero history that Xero's values won over Kontor's edit, if any field conflicted. */
    private void recordConflict(PracticeId practice, ContactId contact, String conflicts, String actor) {
        if (!conflicts.isEmpty()) {
            links.record(
                    practice,
                    contact,
                    "Conflict",
                    "Changed in Kontor and in Xero since the last sync; Xero's values were kept. Kontor's edit: "
                            + conflicts,
                    actor);
        }
    }

    /** Kontor's copy of the Xero contact now equals what Xero holds, so the next sync sees nothing new. */
    private void remember(PracticeId practice, XeroLink link, XeroContactSnapshot inXero) {
        transaction.executeWithoutResult(
                status -> xeroContacts.rememberApplied(practice, link.tenantId(), inXero, clock.instant()));
    }

    private static boolean changedSince(XeroContactSnapshot inXero, @Nullable Instant known) {
        return known != null && inXero.updatedAt() != null && inXero.updatedAt().isAfter(known);
    }

    /** A synced field's value: as shown in the history, and as compared (case, spacing and punctuation aside). */
    private record Value(String shown, String compared) {}

    private static final Value NONE = new Value("", "");

    /** What Kontor sends for each synced field it has a value for (an empty value is never sent). */
    private static Map<String, Value> values(NewXeroContact sent) {
        var values = new LinkedHashMap<String, Value>();
        values.put(NAME, new Value(sent.name().strip(), sent.name().strip()));
        if (sent.emailAddress() != null) {
            values.put(EMAIL, email(sent.emailAddress()));
        }
        if (sent.phone() != null) {
            values.put(PHONE, phone(XeroValues.phoneText(sent.phone())));
        }
        if (sent.address() != null) {
            values.put(ADDRESS, address(sent.address()));
        }
        return values;
    }

    /** Xero's value of each synced field. */
    private static Map<String, Value> values(XeroContactSnapshot xero) {
        var values = new LinkedHashMap<String, Value>();
        values.put(NAME, new Value(xero.displayName(), xero.displayName()));
        values.put(EMAIL, xero.emailAddress() == null ? NONE : email(xero.emailAddress()));
        values.put(PHONE, phone(XeroValues.phoneText(xero.defaultPhone())));
        values.put(ADDRESS, xero.postalAddress() == null ? NONE : address(xero.postalAddress()));
        return values;
    }

    private static Value email(String email) {
        return new Value(email.strip(), email.strip().toLowerCase(Locale.ROOT));
    }

    private static Value phone(@Nullable String text) {
        return text == null ? NONE : new Value(text, text.replaceAll("[^0-9]", ""));
    }

    private static Value address(NewXeroContact.Address address) {
        var line = address.singleLine();
        return new Value(line, line.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT));
    }

    /** The fields of {@code kontor} (those it has) whose value {@code xero} does not have. */
    private static Set<String> differing(Map<String, Value> kontor, Map<String, Value> xero) {
        var fields = new LinkedHashSet<String>();
        kontor.forEach((field, value) -> {
            if (!value.compared().equals(xero.getOrDefault(field, NONE).compared())) {
                fields.add(field);
            }
        });
        return fields;
    }

    /** "Billing email: a@x → b@x; …", from {@code from}'s value to {@code to}'s, for these fields. */
    private static String describe(Set<String> fields, Map<String, Value> from, Map<String, Value> to) {
        return fields.stream()
                .map(field -> field + ": " + shown(from.get(field)) + " → " + shown(to.get(field)))
                .collect(Collectors.joining("; "));
    }

    private static String shown(@Nullable Value value) {
        return value == null || value.shown().isEmpty() ? "(none)" : value.shown();
    }

    /**
     * Whether Xero already has Kontor's value of each synced field Kontor has a value for (an empty
     * Kontor value is never sent, so it never differs).
     */
    static boolean sameSyncedValues(Contact kontor, XeroContactSnapshot xero) {
        return differing(values(XeroClientActions.draft(kontor, kontor.name())), values(xero))
                .isEmpty();
    }

    /**
     * A retried push of the same edit (same contact, version and values) gets the same key, so Xero
     * applies it once; a later edit back to earlier values gets a new one, so Xero does not answer it
     * from the earlier request.
     */
    static String idempotencyKey(UUID xeroContactId, long kontorVersion, NewXeroContact values) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((xeroContactId + "|" + kontorVersion + "|" + values).getBytes(StandardCharsets.UTF_8));
            return "kontor-push-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
