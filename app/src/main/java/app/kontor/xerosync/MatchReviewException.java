package app.kontor.xerosync;

/** A match review cannot be resolved as asked; the message says why in plain words. */
public final class MatchReviewException extends RuntimeException {

    public enum Reason {
        /** Already resolved, or never existed in this practice. */
        GONE,
        /** The chosen Kontor contact is not one of the review's candidates. */
        NOT_A_CANDIDATE,
        /** Either side was linked meanwhile. */
        TAKEN,
        /** The practice is not connected to Xero. */
        NOT_CONNECTED
    }

    private final Reason reason;

    public MatchReviewException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
