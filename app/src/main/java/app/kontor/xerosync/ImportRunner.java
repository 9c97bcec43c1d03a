package app.kontor.xerosync;

import app.kontor.xero.XeroAccounting;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroContactPage;
import app.kontor.xero.XeroNeedsReconnectException;
import app.kontor.xero.XeroRateLimitedException;
import app.kontor.xerolink.XeroLinks;
import app.kontor.xerosync.internal.ImportRows;
import app.kontor.xerosync.internal.PlannerStatistics;
import app.kontor.xerosync.internal.ProblemRows;
import app.kontor.xerosync.internal.XeroContactRows;
import app.kontor.xerosync.internal.XeroContactRows.ReadContact;
import app.kontor.xerosync.internal.XeroContactRows.StoredXeroContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one read of Xero's contacts (an import, a sync or a reconciliation, see {@link RunKind}): every
 * page (of what changed, for a sync) into {@code xero_contacts}, with the (second, page) cursor of
 * DESIGN §5 checkpointed in the same transaction as each page, and for each page but the last, the
 * contacts of it that no later page can affect applied in that transaction too; then the matching of
 * the rest, a batch per transaction, each contact in its own savepoint. The next page is asked of Xero
 * while the current one is written ({@link PageReadAhead}). Killed at any point, it resumes from the
 * last checkpoint: a page read twice is stored once, and a contact is applied once.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Contacts matched per transaction: small enough to keep transactions short. */
    static final int BATCH_SIZE = 200;

    /** After a failure that may pass (Xero unreachable, a 5xx), the import tries again this much later. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    /** Vanished contacts named under Needs attention after a reconciliation; more are only counted. */
    static final int VANISHED_LISTED = 100;

    private final ImportRows imports;
    private final XeroContactRows xeroContacts;
    private final ProblemRows problems;
    private final XeroAccounting accounting;
    private final XeroConnections connections;
    private final ContactApplier applier;
    private final PlannerStatistics statistics;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final XeroPushes pushes;
    private final XeroLinks links;

    ImportRunner(
            ImportRows imports,
            XeroContactRows xeroContacts,
            ProblemRows problems,
            XeroAccounting accounting,
            XeroConnections connections,
            ContactApplier applier,
            PlannerStatistics statistics,
            XeroPushes pushes,
            XeroLinks links,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.imports = imports;
        this.pushes = pushes;
        this.links = links;
        this.xeroContacts = xeroContacts;
        this.problems = problems;
        this.accounting = accounting;
        this.connections = connections;
        this.applier = applier;
        this.statistics = statistics;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Carries the import on as far as it can.
     *
     * @return when to carry on, if it has to wait (Xero's rate limit, a passing failure)
     */
    Optional<Instant> run(UUID importId) {
        var current = imports.find(importId).orElse(null);
        if (current == null || !current.state().isRunning()) {
            return Optional.empty();
        }
        var connection = connections.find(current.practiceId()).orElse(null);
        if (connection == null
                || !connection.isConnected()
                || !connection.tenantId().equals(current.tenantId())) {
            imports.stop(importId, "Xero was disconnected, so the import stopped. Reconnect to import again.", now());
            return Optional.empty();
        }
        // Built once, and only when something is pending: a sync that read nothing new costs no index.
        var started = current;
        var run = Memo.of(() -> applier.matchingRun(
                started.practiceId(),
                started.tenantId(),
                connection.importFilter(),
                started.kind().actor()));
        try (var ahead = new PageReadAhead()) {
            while (current != null && current.state() == ImportState.READING) {
                var page = readPage(current, run, ahead);
                if (!page.isLast() && PlannerStatistics.dueAfter(current.pages() + 1)) {
                    statistics.refresh();
                }
                current = imports.find(importId).orElse(null);
            }
            while (current != null && current.state() == ImportState.MATCHING) {
                applyBatch(current, run);
                current = imports.find(importId).orElse(null);
            }
            return Optional.empty();
        } catch (XeroRateLimitedException limited) {
            imports.waiting(importId, limited.getMessage(), limited.retryAt(), now());
            return Optional.of(limited.retryAt());
        } catch (XeroNeedsReconnectException reconnect) {
            imports.stop(importId, reconnect.getMessage(), now());
            return Optional.empty();
        } catch (XeroConnectionException passing) {
            var retryAt = now().plus(RETRY_AFTER_FAILURE);
            imports.waiting(importId, passing.getMessage() + " Kontor tries again in a minute.", retryAt, now());
            return Optional.of(retryAt);
        }
    }

    private XeroContactPage readPage(XeroImport current, Supplier<ContactApplier.Run> run, PageReadAhead ahead) {
        var request = PageReadAhead.Request.at(current.cursorSecond(), current.cursorPage());
        var read = ahead.take(request);
        var page = read != null ? read : read(current, request);
        var next = next(current, page);
        if (!page.isLast()) {
            var following = PageReadAhead.Request.at(next.second(), next.page());
            ahead.start(following, () -> read(current, following));
        }
        var since = request.modifiedSince();
        transaction.executeWithoutResult(status -> {
            // Only pages before the last: a read of one page (most syncs) matches as before, without
            // building the index of candidates early.
            var stored = xeroContacts.store(
                    current.practiceId(),
                    current.tenantId(),
                    page.contacts(),
                    now(),
                    contact -> !page.isLast() && applier.decidableBeforeTheReadEnds(run.get(), contact));
            imports.pageRead(
                    current.id(),
                    next.second(),
                    next.page(),
                    next.pageStepping(),
                    since == null ? page.itemCount() : null,
                    stored.changed(),
                    page.bytes(),
                    now());
            applyWhileReading(current, run, stored.appliedAtOnce());
            if (page.isLast()) {
                imports.startMatching(current.id(), xeroContacts.pendingCount(current.tenantId()), now());
            }
        });
        log.debug(
                "Import {}: page {} read, {} contacts",
                current.id(),
                current.cursorPage(),
                page.contacts().size());
        return page;
    }

    private XeroContactPage read(XeroImport current, PageReadAhead.Request request) {
        return accounting.contactsPage(current.practiceId(), request.page(), request.modifiedSince());
    }

    /**
     * Applies the page's contacts whose outcome no later page can change (stored as applied already),
     * in the page's transaction, so that under Xero's rate limit the matching happens in the pauses
     * between calls rather than after the last page; the rest stay pending for the matching after the
     * read. A page, its checkpoint and what was applied of it commit together.
     */
    private void applyWhileReading(XeroImport current, Supplier<ContactApplier.Run> run, List<ReadContact> decidable) {
        for (var from = 0; from < decidable.size(); from += BATCH_SIZE) {
            var chunk = decidable.subList(from, Math.min(decidable.size(), from + BATCH_SIZE));
            imports.applied(current.id(), applier.applyRead(run.get(), chunk), now());
        }
    }

    /**
     * The cursor after a full page (DESIGN §5): to the page's last second when it is later than the
     * cursor's, else the next page of the same second. Pages out of order switch to page stepping.
     */
    static Cursor next(XeroImport current, XeroContactPage page) {
        var stepping = current.pageStepping() || !ascending(page);
        var last = page.contacts().isEmpty() ? null : page.contacts().getLast().updatedAt();
        if (stepping || last == null) {
            return new Cursor(current.cursorSecond(), current.cursorPage() + 1, stepping);
        }
        var lastSecond = last.truncatedTo(ChronoUnit.SECONDS);
        if (current.cursorSecond() == null || lastSecond.isAfter(current.cursorSecond())) {
            return new Cursor(lastSecond, 1, false);
        }
        return new Cursor(current.cursorSecond(), current.cursorPage() + 1, false);
    }

    record Cursor(@Nullable Instant second, int page, boolean pageStepping) {}

    private static boolean ascending(XeroContactPage page) {
        Instant previous = null;
        for (var contact : page.contacts()) {
            if (contact.updatedAt() == null) {
                continue;
            }
            if (previous != null && contact.updatedAt().isBefore(previous)) {
                return false;
            }
            previous = contact.updatedAt();
        }
        return true;
    }

    private void applyBatch(XeroImport current, Supplier<ContactApplier.Run> run) {
        transaction.executeWithoutResult(status -> {
            var batch = xeroContacts.pending(current.tenantId(), BATCH_SIZE);
            if (batch.isEmpty()) {
                finish(current);
                return;
            }
            var counts = applier.applyEach(run.get(), batch);
            var done = batch.stream().map(StoredXeroContact::xeroContactId).toList();
            xeroContacts.applied(current.tenantId(), done);
            imports.applied(current.id(), counts, now());
        });
    }

    private void finish(XeroImport current) {
        imports.finish(current.id(), now());
        if (current.kind() == RunKind.RECONCILIATION) {
            imports.missing(current.id(), xeroContacts.notReadSince(current.tenantId(), current.startedAt()));
            listVanished(current);
        }
        connections.recordSyncTimes(current.practiceId(), now(), null);
        // Xero's changes are in: edits held back (paused, a failure) go now, their conflicts settled.
        pushes.sendWaiting(current.practiceId());
    }

    /**
     * Names the contacts a reconciliation did not read under Needs attention (the first {@value
     * #VANISHED_LISTED}; the run's count has them all), replacing what an earlier run said of them.
     */
    private void listVanished(XeroImport current) {
        var vanished = xeroContacts.listNotReadSince(current.tenantId(), current.startedAt(), VANISHED_LISTED);
        var ids = vanished.stream().map(StoredXeroContact::xeroContactId).toList();
        problems.clearAll(current.tenantId(), ids);
        var linked = links.findByXeroContacts(current.practiceId(), current.tenantId(), ids);
        for (var contact : vanished) {
            var link = linked.get(contact.xeroContactId());
            problems.add(
                    current.practiceId(),
                    current.tenantId(),
                    contact.xeroContactId(),
                    link == null ? null : link.contactId(),
                    contact.name().isEmpty() ? "(no name)" : contact.name(),
                    "Contact",
                    null,
                    "Xero no longer lists this contact (weekly reconciliation). Kontor deleted nothing"
                            + (link == null ? "." : ": the Kontor contact and its link are kept."),
                    now());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
