package app.kontor.xerosync.webhook;

import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroRateLimitedException;
import app.kontor.xerosync.XeroContactChanges;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the contacts Xero's webhooks named to {@link XeroContactChanges}, off the request thread and
 * once across all servers (db-scheduler). A burst of webhooks for one organisation is coalesced: the
 * job's instance id is the tenant id, so while a run is waiting, more batches add events to it
 * instead of adding runs. A run that sees events arrive while it worked schedules itself again; a
 * sweep every minute picks up events that slipped between a run's last look and its end, and forgets
 * settled events after {@link #RETENTION}. Task data holds the tenant id only.
 */
@Configuration(proxyBeanMethods = false)
class WebhookProcessing {

    static final String TASK = "xero-webhook-events";
    static final String SWEEP_TASK = "xero-webhook-sweep";
    static final String TRIGGER = "webhook";
    /**
     * A run starts at once (db-scheduler's immediate execution), so a change is visible within about
     * a second. Events that arrive while it runs are taken by the same run, in one more round each, up
     * to this many rounds; a steady stream beyond that goes on in the next run.
     */
    static final int ROUNDS_PER_RUN = 20;

    static final Duration RETRY_DELAY = Duration.ofMinutes(1);
    /**
     * Events stored in the moment between a run's last look and its end find the run's row still there
     * and schedule nothing; the sweep hands them to a new run within about this long.
     */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);
    /** Events waiting this long without a run are picked up by the sweep. */
    static final Duration STRANDED_AFTER = Duration.ofSeconds(10);
    /** Long past Xero's 24 hours of retries, so a late duplicate is still recognised. */
    static final Duration RETENTION = Duration.ofDays(30);

    static final int MAX_ATTEMPTS = 5;
    static final int EVENTS_PER_RUN = 1000;

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessing.class);

    private final WebhookEventRows rows;
    private final ObjectProvider<XeroContactChanges> changes;
    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;

    WebhookProcessing(
            WebhookEventRows rows,
            ObjectProvider<XeroContactChanges> changes,
            ObjectProvider<Scheduler> scheduler,
            Clock clock) {
        this.rows = rows;
        this.changes = changes;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    CustomTask<String> xeroWebhookEventsTask() {
        return Tasks.custom(TASK, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY))
                .execute((instance, context) -> {
                    var tenant = UUID.fromString(instance.getData());
                    var more = false;
                    try {
                        more = process(tenant, changes.getIfAvailable());
                        for (var round = 1; more && round < ROUNDS_PER_RUN; round++) {
                            more = process(tenant, changes.getIfAvailable());
                        }
                    } catch (XeroRateLimitedException limited) {
                        // Xero's limit, not a fault: the events wait, without counting a try, until it lifts.
                        return (complete, operations) -> operations.reschedule(complete, limited.retryAt());
                    }
                    if (more) {
                        return (complete, operations) -> operations.reschedule(complete, clock.instant());
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean
    RecurringTask<Void> xeroWebhookSweepTask() {
        return Tasks.recurring(SWEEP_TASK, Schedules.fixedDelay(SWEEP_INTERVAL)).execute((instance, context) -> {
            if (changes.getIfAvailable() != null) {
                rows.tenantsWaitingSince(clock.instant().minus(STRANDED_AFTER)).forEach(this::schedule);
            }
            var forgotten = rows.deleteSettledBefore(clock.instant().minus(RETENTION));
            if (forgotten > 0) {
                log.debug("Forgot {} settled Xero webhook events", forgotten);
            }
        });
    }

    /** Asks for a run for the organisation now, unless one is waiting already. */
    void schedule(UUID tenantId) {
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        new TaskInstance<>(TASK, tenantId.toString(), tenantId.toString()), clock.instant());
    }

    /**
     * The failure in words fit for the settings page: Kontor's Xero errors say what happened in plain
     * words; anything else (a database error's text, say) stays in the server's log.
     */
    private static String reason(RuntimeException failure) {
        return failure instanceof XeroConnectionException
                ? String.valueOf(failure.getMessage())
                : "an unexpected error; the server's log has the details";
    }

    /**
     * Hands the organisation's waiting contact events to {@code changes} and marks them processed once
     * it returns. When it throws, the events count a failed attempt (given up after {@link
     * #MAX_ATTEMPTS}) and the exception goes on, so the job retries later; Xero's rate limit counts no
     * attempt, the events just wait.
     *
     * @param changes the sync; when absent, events stay waiting
     * @return whether events are still waiting (more than one run's worth, or new ones)
     */
    boolean process(UUID tenantId, @Nullable XeroContactChanges changes) {
        var pending = rows.pending(tenantId, EVENTS_PER_RUN);
        if (pending.isEmpty()) {
            return false;
        }
        var ids = pending.stream().map(WebhookEventRows.PendingEvent::id).toList();
        var practice = rows.practiceConnectedTo(tenantId);
        if (practice.isEmpty()) {
            rows.markIgnored(
                    ids, "no practice is connected to organisation " + tenantId + " any more", clock.instant());
            return rows.hasPending(tenantId);
        }
        if (changes == null) {
            log.debug(
                    "{} Xero webhook events of tenant {} wait: nothing applies contact changes yet",
                    ids.size(),
                    tenantId);
            return false;
        }
        var contactIds = new LinkedHashSet<UUID>();
        var unusable = new ArrayList<UUID>();
        for (var event : pending) {
            var contactId = WebhookInbox.uuid(event.resourceId());
            if (contactId == null) {
                unusable.add(event.id());
            } else {
                contactIds.add(contactId);
            }
        }
        rows.markIgnored(unusable, "malformed event: resourceId is no ContactID", clock.instant());
        var usable = ids.stream().filter(id -> !unusable.contains(id)).toList();
        if (!contactIds.isEmpty()) {
            try {
                changes.contactsChanged(practice.get(), tenantId, Collections.unmodifiableSet(contactIds), TRIGGER);
            } catch (XeroRateLimitedException limited) {
                log.info(
                        "{} contact changes from Xero webhooks for tenant {} wait for Xero's rate limit until {}",
                        contactIds.size(),
                        tenantId,
                        limited.retryAt());
                throw limited;
            } catch (RuntimeException e) {
                rows.recordFailure(usable, reason(e), MAX_ATTEMPTS, clock.instant());
                log.warn(
                        "Applying {} contact changes from Xero webhooks for tenant {} failed; retrying later",
                        contactIds.size(),
                        tenantId,
                        e);
                throw e;
            }
        }
        rows.markProcessed(usable, clock.instant());
        return rows.hasPending(tenantId);
    }
}
