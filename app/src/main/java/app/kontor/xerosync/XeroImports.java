package app.kontor.xerosync;

import app.kontor.shared.PracticeId;
import app.kontor.xero.ImportFilterChanged;
import app.kontor.xero.XeroConnected;
import app.kontor.xero.XeroConnections;
import app.kontor.xerosync.internal.ImportRows;
import app.kontor.xerosync.internal.ProblemRows;
import app.kontor.xerosync.internal.XeroContactRows;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import of a practice's Xero contacts: started on every connect (and reconnect) as a durable
 * db-scheduler job, never on a request thread; its progress and summary for the settings page and
 * the REST API. One import runs per practice; a new connect replaces a running one.
 */
@Configuration(proxyBeanMethods = false)
public class XeroImports {

    static final String TASK = "xero-import";

    private final ImportRows imports;
    private final ProblemRows problems;
    private final XeroContactRows xeroContacts;
    private final XeroConnections connections;
    private final ObjectProvider<Scheduler> scheduler;
    private final CustomTask<String> task;
    private final Clock clock;

    XeroImports(
            ImportRows imports,
            ProblemRows problems,
            XeroContactRows xeroContacts,
            XeroConnections connections,
            ObjectProvider<Scheduler> scheduler,
            ObjectProvider<ImportRunner> runner,
            Clock clock) {
        this.imports = imports;
        this.problems = problems;
        this.xeroContacts = xeroContacts;
        this.connections = connections;
        this.scheduler = scheduler;
        this.task = Tasks.custom(TASK, String.class).execute((instance, context) -> {
            var next = runner.getObject().run(UUID.fromString(instance.getData()));
            return next.<CompletionHandler<String>>map(
                            at -> (complete, operations) -> operations.reschedule(complete, at))
                    .orElseGet(CompletionHandler.OnCompleteRemove::new);
        });
        this.clock = clock;
    }

    @Bean
    CustomTask<String> xeroImportTask() {
        return task;
    }

    @EventListener
    void onConnected(XeroConnected connected) {
        start(connected.practiceId(), connected.tenantId(), "Connect to Xero");
    }

    /** A wider (or narrower) filter is applied to every Xero contact again; links are never removed. */
    @EventListener
    void onImportFilterChanged(ImportFilterChanged changed) {
        connections
                .find(changed.practiceId())
                .filter(connection ->
                        connection.isConnected() && connection.tenantId().equals(changed.tenantId()))
                .ifPresent(connection -> start(changed.practiceId(), changed.tenantId(), "Import filter changed"));
    }

    /**
     * Starts an import now, replacing one that is running. Every Xero contact Kontor has read is
     * matched again, so a changed filter or a contact unlinked meanwhile is looked at afresh.
     */
    @Transactional
    public XeroImport start(PracticeId practice, UUID tenantId, String startedBy) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        imports.supersedeRunning(practice, now);
        var id = UUID.randomUUID();
        imports.insert(id, RunKind.IMPORT, practice, tenantId, null, startedBy, now);
        xeroContacts.markAllPending(tenantId);
        scheduler.getObject().schedule(task.instance(id.toString(), id.toString()), now);
        return imports.find(id).orElseThrow();
    }

    /** The practice's latest import, running or finished. */
    public Optional<XeroImport> latest(PracticeId practice) {
        return imports.latest(practice, RunKind.IMPORT);
    }

    /** The Needs attention list, newest first. */
    public List<SyncProblem> needsAttention(PracticeId practice, int limit) {
        return problems.list(practice, limit);
    }

    public int needsAttentionCount(PracticeId practice) {
        return problems.count(practice);
    }
}
