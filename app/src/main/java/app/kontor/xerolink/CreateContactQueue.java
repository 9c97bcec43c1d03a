package app.kontor.xerolink;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Create Contacts that Xero's minute limit held back, finished by a durable job (db-scheduler) at
 * the time Xero named, once across all servers. Task data holds ids only.
 */
@Configuration(proxyBeanMethods = false)
class CreateContactQueue {

    static final String TASK = "xero-create-contact";

    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<OneTimeTask<String>> task;

    CreateContactQueue(ObjectProvider<Scheduler> scheduler, ObjectProvider<OneTimeTask<String>> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    @Bean
    OneTimeTask<String> xeroCreateContactTask(ObjectProvider<XeroClientActions> actions) {
        return Tasks.oneTime(TASK, String.class).execute((instance, context) -> {
            var parts = instance.getData().split("\\|", 3);
            actions.getObject()
                    .resumeQueued(
                            new PracticeId(java.util.UUID.fromString(parts[0])),
                            new ContactId(java.util.UUID.fromString(parts[1])),
                            parts[2]);
        });
    }

    void schedule(PracticeId practice, ContactId contact, String actor, Instant at) {
        var data = practice + "|" + contact + "|" + actor;
        scheduler.getObject().schedule(task.getObject().instance(contact.toString(), data), at);
    }
}
