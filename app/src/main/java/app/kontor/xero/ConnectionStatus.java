package app.kontor.xero;

/** The state of a practice's Xero connection, with the words the UI shows for it (DESIGN §1 rule 2). */
public enum ConnectionStatus {
    CONNECTED("Connected"),
    NEEDS_RECONNECT("Needs reconnect"),
    DISCONNECTED("Not connected to Xero");

    private final String label;

    ConnectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
