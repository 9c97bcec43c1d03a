package app.kontor.xero;

import java.util.List;

/**
 * Xero answered a call with an error (XERO-CONTRACT §2). {@code messages} are Xero's own validation
 * messages, when it gave any, to show beside the fields they concern.
 */
public final class XeroApiException extends XeroConnectionException {

    private final int status;
    private final List<String> messages;

    public XeroApiException(int status, String message, List<String> messages) {
        super(message);
        this.status = status;
        this.messages = List.copyOf(messages);
    }

    public int status() {
        return status;
    }

    public List<String> messages() {
        return messages;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
