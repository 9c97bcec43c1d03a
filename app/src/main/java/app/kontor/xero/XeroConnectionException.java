package app.kontor.xero;

/** Connecting, using or disconnecting Xero failed; the message says why in plain words for an admin. */
public class XeroConnectionException extends RuntimeException {

    public XeroConnectionException(String message) {
        super(message);
    }

    public XeroConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
