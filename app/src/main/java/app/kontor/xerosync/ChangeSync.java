package app.kontor.xerosync;

import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroAccounting;
import app.kontor.xero.XeroConnections;
import app.kontor.xerosync.internal.ImportRows;
import app.kontor.xerosync.internal.XeroContactRows;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Xero's changes to named contacts (from webhooks) applied to Kontor: the contacts are fetched in
 * batches by ContactID, stored, and applied by the same rules as the import. While sync is paused
 * nothing is fetched; the next import or sync reads what changed meanwhile.
 */
@Component
class ChangeSync implements XeroContactChanges {

    private static final Logger log = LoggerFactory.getLogger(ChangeSync.class);

    private final XeroConnections connections;
    private final XeroAccounting accounting;
    private final XeroContactRows xeroContacts;
    private final ImportRows runs;
    private final ContactApplier applier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ChangeSync(
            XeroConnections connections,
            XeroAccounting accounting,
            XeroContactRows xeroContacts,
            ImportRows runs,
            ContactApplier applier,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.connections = connections;
        this.accounting = accounting;
        this.xeroContacts = xeroContacts;
        this.runs = runs;
        this.applier = applier;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void contactsChanged(PracticeId practice, UUID tenantId, Set<UUID> xeroContactIds, String trigger) {
        var connection = connections
                .find(practice)
                .filter(c -> c.isConnected() && c.tenantId().equals(tenantId))
                .orElse(null);
        if (connection == null || connection.paused()) {
            log.info(
                    "Xero changes to {} contacts not applied: sync is paused or the organisation is not connected",
                    xeroContactIds.size());
            return;
        }
        var startedAt = clock.instant();
        var fetched = accounting.contactsById(practice, xeroContactIds);
        var read = fetched.contacts();
        if (read.size() < xeroContactIds.size()) {
            var missing = new LinkedHashSet<>(xeroContactIds);
            read.forEach(contact -> missing.remove(contact.contactId()));
            // Xero never deletes a contact (XERO-CONTRACT §1.14): an id of another organisation, or a forged event.
            log.warn(
                    "Xero has no contact {} of the {} that its {} named for tenant {}; nothing was changed for them",
                    missing.stream().limit(10).toList(),
                    xeroContactIds.size(),
                    trigger,
                    tenantId);
        }
        transaction.executeWithoutResult(status -> {
            var changed = xeroContacts.store(practice, tenantId, read, clock.instant());
            var pending = xeroContacts.pendingAmong(tenantId, xeroContactIds);
            var counts = new ImportRows.Applied(0, 0, 0, 0, 0);
            if (!pending.isEmpty()) {
                var run = applier.matchingRun(practice, tenantId, connection.importFilter(), "Xero (" + trigger + ")");
                counts = applier.applyEach(run, pending);
                xeroContacts.applied(
                        tenantId,
                        pending.stream()
                                .map(XeroContactRows.StoredXeroContact::xeroContactId)
                                .toList());
            }
            runs.insertFinished(
                    RunKind.WEBHOOK,
                    practice,
                    tenantId,
                    "Xero (" + trigger + ")",
                    fetched.calls(),
                    fetched.bytes(),
                    changed,
                    counts,
                    startedAt,
                    clock.instant());
        });
    }
}
