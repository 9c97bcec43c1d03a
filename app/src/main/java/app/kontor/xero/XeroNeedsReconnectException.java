package app.kontor.xero;

/** Xero no longer accepts the practice's refresh token (revoked, expired or lost): an admin must reconnect. */
public final class XeroNeedsReconnectException extends XeroConnectionException {

    public XeroNeedsReconnectException() {
        super("Xero no longer accepts Kontor's access for this practice. An admin needs to reconnect.");
    }
}
