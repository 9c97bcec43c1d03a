package app.xerosim;

/**
 * Xero's API limits (XERO-CONTRACT §3): per organisation 60 calls a minute, 5000 a day and 5 at once;
 * per app 10,000 calls a minute. Windows are fixed and start at an organisation's (or app's) first call,
 * on the simulator clock. A limit of 0 or less is off.
 */
public record RateLimits(
        int minutePerOrganisation, int dayPerOrganisation, int concurrentPerOrganisation, int minutePerApp) {

    /** Xero's published limits. */
    public static RateLimits xero() {
        return new RateLimits(60, 5000, 5, 10_000);
    }

    /** Nothing is refused; the remaining headers still count down from Xero's figures. */
    public static RateLimits off() {
        return new RateLimits(0, 0, 0, 0);
    }

    public RateLimits withMinutePerOrganisation(int value) {
        return new RateLimits(value, dayPerOrganisation, concurrentPerOrganisation, minutePerApp);
    }

    public RateLimits withDayPerOrganisation(int value) {
        return new RateLimits(minutePerOrganisation, value, concurrentPerOrganisation, minutePerApp);
    }

    public RateLimits withConcurrentPerOrganisation(int value) {
        return new RateLimits(minutePerOrganisation, dayPerOrganisation, value, minutePerApp);
    }

    public RateLimits withMinutePerApp(int value) {
        return new RateLimits(minutePerOrganisation, dayPerOrganisation, concurrentPerOrganisation, value);
    }
}
