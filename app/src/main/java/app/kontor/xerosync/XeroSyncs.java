package app.kontor.xerosync;

import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroConnected;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroSyncResumed;
import app.kontor.xerosync.internal.ImportRows;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Automatic sync after the import (DESIGN §1 rule 3, §5): one self-rescheduling db-scheduler job per
 * connection (instance id = the practice) reads what changed in Xero since the last run, every few
 * minutes, and a full reconciliation once a week; {@code Sync now} brings the next run forward. Every
 * run is kept for the sync log.
 */
@Configuration(proxyBeanMethods = false)
public class XeroSyncs {

    static final String TASK = "xero-sync";
    static final String SCHEDULE = "Schedule";

    /** What {@link #syncNow} did. */
    public enum SyncNow {
        STARTED("Sync started."),
        ALREADY_RUNNING("Kontor is reading Xero's contacts already; the next sync follows on its own."),
        PAUSED("Automatic sync is paused. Resume sync to read Xero's changes."),
        NOT_CONNECTED("Kontor is not connected to Xero.");

        private final String message;

        SyncNow(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final ImportRows runs;
    private final XeroConnections connections;
    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<ImportRunner> runner;
    private final SyncSettings settings;
    private final CustomTask<String> task;
    private final Clock clock;

    XeroSyncs(
            ImportRows runs,
            XeroConnections connections,
            ObjectProvider<Scheduler> scheduler,
            ObjectProvider<ImportRunner> runner,
            SyncSettings settings,
            Clock clock) {
        this.runs = runs;
        this.connections = connections;
        this.scheduler = scheduler;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
        // Task data: who asked for the next run ("Schedule", or the user who pressed Sync now).
        this.task = Tasks.custom(TASK, String.class).execute((instance, context) -> {
            var next = tick(new PracticeId(UUID.fromString(instance.getId())), instance.getData());
            return next.<CompletionHandler<String>>map(
                            at -> (complete, operations) -> operations.reschedule(complete, at, SCHEDULE))
                    .orElseGet(CompletionHandler.OnCompleteRemove::new);
        });
    }

    @Bean
    CustomTask<String> xeroSyncTask() {
        return task;
    }

    /** The import runs first; the first sync follows one interval later. */
    @EventListener
    void onConnected(XeroConnected connected) {
        var next = now().plus(settings.every());
        scheduler
                .getObject()
                .schedule(instance(connected.practiceId(), SCHEDULE), next, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        connections.recordSyncTimes(connected.practiceId(), null, next);
    }

    /**
     * Every working connection has its job; one that lacks it (a connection made before this version,
     * or a job lost with its database row) gets it back at start-up, on any server.
     */
    @EventListener(ApplicationReadyEvent.class)
    void scheduleMissing() {
        var next = now().plus(settings.every());
        for (var practice : connections.connectedPractices()) {
            scheduler.getObject().scheduleIfNotExists(instance(practice, SCHEDULE), next);
        }
    }

    @EventListener
    void onResumed(XeroSyncResumed resumed) {
        syncNow(resumed.practiceId(), "Resume sync");
    }

    /** Brings the practice's next sync forward to now. */
    public SyncNow syncNow(PracticeId practice, String requestedBy) {
        var connection = connections.find(practice).filter(XeroConnection::isConnected);
        if (connection.isEmpty()) {
            return SyncNow.NOT_CONNECTED;
        }
        if (connection.get().paused()) {
            return SyncNow.PAUSED;
        }
        if (runs.running(practice).isPresent()) {
            return SyncNow.ALREADY_RUNNING;
        }
        var now = now();
        // False when the job is executing at this moment: then a run is under way anyway.
        if (!scheduler
                .getObject()
                .schedule(instance(practice, requestedBy), now, ScheduleOptions.WHEN_EXISTS_RESCHEDULE)) {
            return SyncNow.ALREADY_RUNNING;
        }
        connections.recordSyncTimes(practice, null, now);
        return SyncNow.STARTED;
    }

    /** The sync log: the practice's runs of every kind, newest first. */
    public List<XeroImport> log(PracticeId practice, int limit) {
        return runs.recent(practice, limit);
    }

    /**
     * One execution of the job: carries on a sync that had to wait, or starts the next one.
     *
     * @return when to run next; empty once the practice is no longer connected
     */
    Optional<Instant> tick(PracticeId practice, String trigger) {
        var connection =
                connections.find(practice).filter(XeroConnection::isConnected).orElse(null);
        if (connection == null) {
            return Optional.empty();
        }
        var next = now().plus(settings.every());
        if (connection.paused()) {
            return scheduled(practice, next);
        }
        var running = runs.running(practice).orElse(null);
        if (running != null && running.kind() == RunKind.IMPORT) {
            return scheduled(practice, next); // the import's own job carries it on
        }
        var runId = running != null ? running.id() : start(practice, connection.tenantId(), trigger);
        var wait = runner.getObject().run(runId);
        return scheduled(practice, wait.orElse(next));
    }

    private UUID start(PracticeId practice, UUID tenantId, String trigger) {
        var id = UUID.randomUUID();
        var reconcile = reconciliationDue(tenantId);
        var since = reconcile
                ? null
                : runs.lastFinishedRead(tenantId).map(XeroImport::cursorSecond).orElse(null);
        runs.insert(id, reconcile ? RunKind.RECONCILIATION : RunKind.SYNC, practice, tenantId, since, trigger, now());
        return id;
    }

    /**
     * Weekly, and after a sync whose pages came back out of order (DESIGN §5: it finished by page
     * stepping, which can miss a contact that changed meanwhile).
     */
    private boolean reconciliationDue(UUID tenantId) {
        var lastFull = runs.lastFullRead(tenantId);
        if (lastFull.isEmpty() || lastFull.get().isBefore(now().minus(settings.reconcileEvery()))) {
            return true;
        }
        return runs.lastFinishedRead(tenantId)
                .filter(last -> last.kind() == RunKind.SYNC && last.pageStepping())
                .isPresent();
    }

    private Optional<Instant> scheduled(PracticeId practice, Instant at) {
        connections.recordSyncTimes(practice, null, at);
        return Optional.of(at);
    }

    private com.github.kagkarlsson.scheduler.task.TaskInstance<String> instance(
            PracticeId practice, String requestedBy) {
        return task.instance(practice.value().toString(), Objects.requireNonNull(requestedBy));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
