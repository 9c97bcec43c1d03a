package app.kontor.xero;

import java.time.Instant;

/**
 * Xero's rate limit for the organisation stops calls until {@link #retryAt()}: the minute limit for
 * seconds, the day limit for hours (then the connection's work pauses; no thread waits that long).
 */
public final class XeroRateLimitedException extends XeroConnectionException {

    public enum Limit {
        MINUTE,
        DAY,
        CONCURRENT
    }

    private final Limit limit;
    private final Instant retryAt;

    public XeroRateLimitedException(Limit limit, Instant retryAt) {
        super(
                limit == Limit.DAY
                        ? "Xero's daily limit for this organisation is used up; Kontor carries on after " + retryAt
                                + "."
                        : "Xero asked Kontor to slow down; it carries on after " + retryAt + ".");
        this.limit = limit;
        this.retryAt = retryAt;
    }

    public Limit limit() {
        return limit;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
