package app.kontor.xero;

/** Which Xero contacts become new Kontor contacts on import; it never removes a link (DESIGN §1 rule 3). */
public enum ImportFilter {
    CUSTOMERS("Customers"),
    CUSTOMERS_AND_SUPPLIERS("Customers and suppliers"),
    ALL("All contacts");

    private final String label;

    ImportFilter(String label) {
        this.label = label;
    }

    /** Whether a Xero contact with these flags may become a new Kontor contact. */
    public boolean admits(boolean customer, boolean supplier) {
        return switch (this) {
            case CUSTOMERS -> customer;
            case CUSTOMERS_AND_SUPPLIERS -> customer || supplier;
            case ALL -> true;
        };
    }

    public String label() {
        return label;
    }
}
