package app.kontor.contacts;

/** No contact with that id exists in the caller's practice (whether or not it exists elsewhere). */
public final class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException() {
        super("No such contact in this practice");
    }
}
