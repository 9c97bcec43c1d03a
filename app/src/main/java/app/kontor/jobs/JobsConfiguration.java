package app.kontor.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Wires db-scheduler's core by hand: its Boot starter targets Boot 3 and silently never starts on
 * Boot 4 (DESIGN §4). The scheduler starts once the application is ready, so no job runs against a
 * half-started context, and stops with it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    private Scheduler scheduler;

    @Bean
    Scheduler scheduler(DataSource dataSource, JobsSettings settings, List<Task<?>> tasks) {
        var recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .map(task -> (RecurringTask<?>) task)
                .toList();
        var others = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        // Recurring tasks are registered by startTasks; naming them twice is an error.
        // Scheduling joins the caller's transaction, so a job is never picked up before the rows it
        // reads are committed, and never left behind by a transaction that rolled back.
        scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .threads(settings.threads())
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
        return scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.stop();
    }
}
