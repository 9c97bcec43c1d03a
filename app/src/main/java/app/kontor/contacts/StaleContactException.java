package app.kontor.contacts;

/** The contact changed since the caller read it; nothing was saved. */
public final class StaleContactException extends RuntimeException {

    private final long currentVersion;

    public StaleContactException(long currentVersion) {
        super("Contact changed since it was read; now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
