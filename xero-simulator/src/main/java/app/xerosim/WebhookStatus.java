package app.xerosim;

/** Where the webhook subscription stands, as Xero's developer portal would show it. */
public enum WebhookStatus {
    /** No URL configured. */
    NOT_CONFIGURED,
    /** The intent-to-receive sequence is running. */
    INTENT_TO_RECEIVE,
    /** The receiver failed intent to receive; no events are sent until it is configured again. */
    INTENT_TO_RECEIVE_FAILED,
    /** Events are being sent. */
    ACTIVE,
    /** Deliveries kept failing; no events are sent until it is configured again. */
    DISABLED
}
