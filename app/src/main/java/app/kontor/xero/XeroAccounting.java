package app.kontor.xero;

import app.kontor.shared.PracticeId;

/**
 * The Accounting API of the practice's connected organisation. Calls are rate-budgeted, refresh the
 * token when Xero rejects it, and fail with {@link XeroConnectionException} subtypes: {@link
 * XeroRateLimitedException}, {@link XeroNeedsReconnectException}, {@link XeroApiException}.
 */
public interface XeroAccounting {

    /** Reads the organisation's name and ShortCode again, and keeps them on the connection. */
    XeroOrganisation organisation(PracticeId practice);
}
