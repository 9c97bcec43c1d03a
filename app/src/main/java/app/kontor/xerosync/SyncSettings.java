package app.kontor.xerosync;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often Kontor reads Xero's changes without being asked.
 *
 * @param every between incremental syncs of a connection ({@code kontor.xero.sync.every}, 5 minutes)
 * @param reconcileEvery between full reads that find what the syncs missed
 *     ({@code kontor.xero.sync.reconcile-every}, 7 days)
 */
@ConfigurationProperties("kontor.xero.sync")
public record SyncSettings(
        @Nullable Duration every, @Nullable Duration reconcileEvery) {

    public SyncSettings {
        every = every == null ? Duration.ofMinutes(5) : every;
        reconcileEvery = reconcileEvery == null ? Duration.ofDays(7) : reconcileEvery;
    }
}
