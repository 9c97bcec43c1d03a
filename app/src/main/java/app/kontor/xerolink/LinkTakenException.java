package app.kontor.xerolink;

/** A link cannot be made: the Kontor contact or the Xero contact is already linked. */
public final class LinkTakenException extends RuntimeException {

    public LinkTakenException(String message) {
        super(message);
    }
}
