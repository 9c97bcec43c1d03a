package app.kontor.practice;

/** The change would leave the practice without an active admin; nothing was changed. */
public final class LastAdminException extends RuntimeException {

    public LastAdminException() {
        super("A practice keeps at least one active admin. Make someone else an admin first.");
    }
}
