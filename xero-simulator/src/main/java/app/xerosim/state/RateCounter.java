package app.xerosim.state;

import app.xerosim.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Xero's API limits in fixed windows that start at an organisation's (or app's) first call, on the
 * simulator clock. Every tenant call gets the integer {@code X-*-Remaining} figures; a call over a limit
 * is refused with the limit's name and, for minute and day limits, the seconds until the window resets.
 * Refused calls are not counted.
 */
public final class RateCounter {

    /** The published figures the remaining headers count down from, even when enforcement is off. */
    public static final RateLimits PUBLISHED = RateLimits.xero();

    /** The remaining allowance after a call. */
    public record Remaining(int day, int minute, int appMinute) {}

    /**
     * The verdict on one call: allowed (with the remaining figures), or refused with Xero's
     * {@code X-Rate-Limit-Problem} value and {@code Retry-After} seconds (0 when there is none).
     */
    public record Decision(Remaining remaining, @Nullable String problem, long retryAfterSeconds) {
        public boolean allowed() {
            return problem == null;
        }
    }

    private static final class Window {
        private Instant start;
        private int count;

        Window(Instant start) {
            this.start = start;
        }

        void roll(Instant now, Duration length) {
            if (!now.isBefore(start.plus(length))) {
                start = now;
                count = 0;
            }
        }

        long secondsLeft(Instant now, Duration length) {
            return Math.max(1, Duration.between(now, start.plus(length)).toSeconds() + 1);
        }
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    private volatile RateLimits limits;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<UUID, Integer> inFlight = new HashMap<>();

    public RateCounter(RateLimits limits) {
        this.limits = limits;
    }

    /** Changes the limits from the next call on; counts so far are kept. */
    public void limits(RateLimits value) {
        this.limits = value;
    }

    public RateLimits limits() {
        return limits;
    }

    /** Checks and counts a tenant call; when allowed, the caller must {@link #finish(UUID)} it. */
    public synchronized Decision startTenantCall(String clientId, UUID tenantId, Instant now) {
        Window minute = window("min:" + tenantId, now, MINUTE);
        Window day = window("day:" + tenantId, now, DAY);
        Window app = window("app:" + clientId, now, MINUTE);
        int running = inFlight.getOrDefault(tenantId, 0);
        String problem = null;
        long retryAfter = 0;
        if (over(limits.dayPerOrganisation(), day.count)) {
            problem = "day";
            retryAfter = day.secondsLeft(now, DAY);
        } else if (over(limits.minutePerOrganisation(), minute.count)) {
            problem = "minute";
            retryAfter = minute.secondsLeft(now, MINUTE);
        } else if (over(limits.minutePerApp(), app.count)) {
            // Xero's value for the app-minute limit is not published (XERO-CONTRACT §10).
            problem = "appminute";
            retryAfter = app.secondsLeft(now, MINUTE);
        } else if (over(limits.concurrentPerOrganisation(), running)) {
            // Nor is its value for the concurrent limit; Xero sends no Retry-After for it.
            problem = "concurrent";
        }
        if (problem == null) {
            minute.count++;
            day.count++;
            app.count++;
            inFlight.put(tenantId, running + 1);
        }
        Remaining remaining = new Remaining(
                left(limits.dayPerOrganisation(), PUBLISHED.dayPerOrganisation(), day.count),
                left(limits.minutePerOrganisation(), PUBLISHED.minutePerOrganisation(), minute.count),
                left(limits.minutePerApp(), PUBLISHED.minutePerApp(), app.count));
        return new Decision(remaining, problem, retryAfter);
    }

    public synchronized void finish(UUID tenantId) {
        inFlight.computeIfPresent(tenantId, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** For tenantless calls ({@code /connections}): only the app counter moves; never refused. */
    public synchronized int recordAppCall(String clientId, Instant now) {
        Window app = window("app:" + clientId, now, MINUTE);
        app.count++;
        return left(limits.minutePerApp(), PUBLISHED.minutePerApp(), app.count);
    }

    private Window window(String key, Instant now, Duration length) {
        Window window = windows.computeIfAbsent(key, k -> new Window(now));
        window.roll(now, length);
        return window;
    }

    private static boolean over(int limit, int used) {
        return limit > 0 && used >= limit;
    }

    /**
     * What is left of the enforced limit. A limit that is off never runs out, so it reports Xero's
     * full published allowance: clients that budget from these headers (as Kontor does) then run
     * unthrottled too, which benchmarks need.
     */
    private static int left(int limit, int published, int used) {
        return limit > 0 ? Math.max(0, limit - used) : published;
    }
}
