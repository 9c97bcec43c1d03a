package app.kontor.xerosync;

/** Why Kontor read Xero's contacts. */
public enum RunKind {
    /** Every contact, on connect or when the import filter changes; each one is matched again. */
    IMPORT("Import"),
    /** Only what changed since the last run, every few minutes or on `Sync now`. */
    SYNC("Sync"),
    /** Every contact, weekly: finds changes the syncs missed and contacts Xero no longer lists. */
    RECONCILIATION("Reconciliation"),
    /** The contacts Xero's webhooks named. */
    WEBHOOK("Webhook");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name Kontor's history gives to changes this kind of run applied. */
    String actor() {
        return switch (this) {
            case IMPORT -> "Xero import";
            case SYNC -> "Xero (poll)";
            case RECONCILIATION -> "Xero (reconciliation)";
            case WEBHOOK -> "Xero (webhook)";
        };
    }
}
