package app.kontor.contacts;

/** The input was not a valid contact; nothing was saved. */
public final class InvalidContactException extends RuntimeException {

    private final transient FieldErrors errors;

    InvalidContactException(FieldErrors errors) {
        super("Invalid contact: " + errors.asMap().keySet());
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }
}
