package app.kontor.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * db-scheduler's timing (DESIGN §4): production polls every 5 s with a 30 s heartbeat; tests poll
 * every 200 ms with a 1 s heartbeat and wait 2 s at shutdown.
 */
@ConfigurationProperties("kontor.jobs")
public record JobsSettings(
        Duration pollingInterval, Duration heartbeatInterval, Duration shutdownMaxWait, Integer threads) {

    public JobsSettings {
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(5) : pollingInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(30) : heartbeatInterval;
        shutdownMaxWait = shutdownMaxWait == null ? Duration.ofSeconds(30) : shutdownMaxWait;
        threads = threads == null ? 4 : threads;
    }
}
