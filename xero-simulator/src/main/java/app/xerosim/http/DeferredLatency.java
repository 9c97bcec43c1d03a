package app.xerosim.http;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A delay a fault asked for, applied where the request is "being processed": inside the accounting
 * guard (so a slow call holds one of the organisation's concurrent slots, as at Xero) or, for other
 * routes, after the handler. One request runs on one (virtual) thread, hence a thread-local.
 */
public final class DeferredLatency {

    private static final ThreadLocal<@Nullable Duration> PENDING = new ThreadLocal<>();

    private DeferredLatency() {}

    public static void request(Duration delay) {
        PENDING.set(delay);
    }

    /** Sleeps for the requested delay, once. */
    public static void apply() {
        Duration delay = PENDING.get();
        PENDING.remove();
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void clear() {
        PENDING.remove();
    }
}
