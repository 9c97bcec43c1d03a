package app.xerosim.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Counts calls against Xero's published limits (60 a minute and 5000 a day per organisation, 10,000 a
 * minute per app) in fixed windows that start at an organisation's first call, so responses can carry
 * the integer {@code X-*-Remaining} headers. This slice counts only; it never refuses a call.
 */
public final class RateCounter {

    public static final int MINUTE_LIMIT = 60;
    public static final int DAY_LIMIT = 5000;
    public static final int APP_MINUTE_LIMIT = 10_000;

    /** The remaining allowance after a call. */
    public record Remaining(int day, int minute, int appMinute) {}

    private static final class Window {
        private Instant start;
        private int count;

        Window(Instant start) {
            this.start = start;
        }

        int hit(Instant now, Duration length) {
            if (!now.isBefore(start.plus(length))) {
                start = now;
                count = 0;
            }
            return ++count;
        }
    }

    private final Map<String, Window> windows = new HashMap<>();

    public synchronized Remaining recordTenantCall(String clientId, UUID tenantId, Instant now) {
        int minute = hit("min:" + tenantId, now, Duration.ofMinutes(1));
        int day = hit("day:" + tenantId, now, Duration.ofDays(1));
        int app = hit("app:" + clientId, now, Duration.ofMinutes(1));
        return new Remaining(
                Math.max(0, DAY_LIMIT - day), Math.max(0, MINUTE_LIMIT - minute), Math.max(0, APP_MINUTE_LIMIT - app));
    }

    /** For tenantless calls ({@code /connections}): only the app counter moves. */
    public synchronized int recordAppCall(String clientId, Instant now) {
        return Math.max(0, APP_MINUTE_LIMIT - hit("app:" + clientId, now, Duration.ofMinutes(1)));
    }

    private int hit(String key, Instant now, Duration length) {
        return windows.computeIfAbsent(key, k -> new Window(now)).hit(now, length);
    }
}
