package app.kontor.contacts;

/** An email of a contact; at most one per contact is the billing email. */
public record EmailAddress(String label, String address, boolean billing) {}
