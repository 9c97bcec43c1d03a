package app.kontor.shared;

import java.net.URI;

/**
 * The {@code type} URIs of Kontor's RFC 9457 problem details. Each resolves to a page that explains
 * the problem (served at {@code /problems/{slug}}, documented in docs/api-problems.md).
 */
public enum ProblemTypes {
    VALIDATION_FAILED(
            "validation-failed", "The request has invalid values", "One or more fields are invalid; see errors."),
    NOT_FOUND("not-found", "Not found", "No such resource exists in your practice."),
    PRECONDITION_REQUIRED(
            "precondition-required",
            "If-Match required",
            "Updates must send the ETag of the version they change in an If-Match header."),
    STALE_VERSION(
            "stale-version",
            "Changed by someone else",
            "The resource changed since you read it; read it again and re-apply your change."),
    MALFORMED_REQUEST("malformed-request", "Malformed request", "The request body or a parameter could not be read."),
    FORBIDDEN("forbidden", "Not allowed", "Your role does not allow this action."),
    LAST_ADMIN(
            "last-admin",
            "A practice needs an admin",
            "The change would leave the practice without an active admin; make someone else an admin first."),
    NOT_CONNECTED("not-connected", "Not connected to Xero", "The practice has no working Xero connection."),
    SYNC_PAUSED("sync-paused", "Sync is paused", "An admin paused automatic sync with Xero; resume it to sync again."),
    ALREADY_LINKED(
            "already-linked", "Already linked", "The contact is already linked to a Xero contact, or being linked."),
    XERO_CANDIDATES(
            "xero-candidates",
            "Xero has similar contacts",
            "Xero already has contacts with this name or email; see candidates. Link to one, or create anyway."),
    XERO_BUSY(
            "xero-busy",
            "Xero is busy",
            "Xero's rate limit for the organisation is reached; nothing was sent. Retry after Retry-After seconds."),
    XERO_REFUSED(
            "xero-refused", "Xero did not accept this", "Xero refused the request; see xeroMessages for its words."),
    UNAUTHENTICATED("unauthenticated", "Sign-in required", "Sign in, or send valid credentials."),
    INTERNAL_ERROR("internal-error", "Something went wrong", "An unexpected error occurred; it has been logged.");

    private final String slug;
    private final String title;
    private final String description;

    ProblemTypes(String slug, String title, String description) {
        this.slug = slug;
        this.title = title;
        this.description = description;
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
