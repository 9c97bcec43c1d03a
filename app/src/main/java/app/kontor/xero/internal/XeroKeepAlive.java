package app.kontor.xero.internal;

import app.kontor.xero.XeroConnectionException;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weekly keep-alive (XERO-CONTRACT §4.2): a connection whose refresh token has not been used for
 * a week is refreshed, so a quiet practice never reaches Xero's 60-day idle expiry. Checked every
 * hour; one server runs it (db-scheduler). Connections that need reconnecting are skipped.
 */
@Configuration(proxyBeanMethods = false)
class XeroKeepAlive {

    static final String TASK = "xero-keep-alive";
    static final Duration KEEP_ALIVE_AFTER = Duration.ofDays(7);
    static final Duration CHECK_EVERY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(XeroKeepAlive.class);

    @Bean
    RecurringTask<Void> xeroKeepAliveTask(ConnectionRows connections, XeroTokens tokens, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(CHECK_EVERY))
                .execute((instance, context) -> refreshIdleConnections(connections, tokens, clock));
    }

    /** @return how many connections were refreshed */
    static int refreshIdleConnections(ConnectionRows connections, XeroTokens tokens, Clock clock) {
        var refreshed = 0;
        for (var practice : connections.dueForKeepAlive(clock.instant().minus(KEEP_ALIVE_AFTER))) {
            try {
                tokens.keepAlive(practice);
                refreshed++;
            } catch (XeroConnectionException failed) {
                // One practice's trouble (e.g. revoked: now Needs reconnect) must not stop the others.
                log.warn("Keep-alive refresh for practice {} failed: {}", practice, failed.getMessage());
            }
        }
        return refreshed;
    }
}
