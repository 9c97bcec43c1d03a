package app.kontor.xerosync;

/** Where an import of Xero's contacts stands. */
public enum ImportState {
    READING("Reading contacts from Xero"),
    MATCHING("Matching with Kontor's contacts"),
    FINISHED("Finished"),
    STOPPED("Stopped"),
    SUPERSEDED("Replaced by a newer import");

    private final String label;

    ImportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isRunning() {
        return this == READING || this == MATCHING;
    }
}
