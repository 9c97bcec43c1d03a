package app.kontor.xerolink;

/** How a link came about, which decides the direction of sync (DESIGN §1 rule 6). */
public enum LinkOrigin {
    CREATED("Created in Xero from Kontor. Changes made in Xero flow into Kontor; edits in Kontor do not update Xero."),
    MATCHED("Matched on import. The four synced fields stay in step both ways; when both change, Xero wins."),
    LINKED("Linked by hand. The four synced fields stay in step both ways; when both change, Xero wins.");

    private final String direction;

    LinkOrigin(String direction) {
        this.direction = direction;
    }

    /** The sentence the Xero Client section shows about the direction of sync. */
    public String direction() {
        return direction;
    }
}
