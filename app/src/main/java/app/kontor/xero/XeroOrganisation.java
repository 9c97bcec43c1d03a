package app.kontor.xero;

/** The organisation as Xero describes it; {@code shortCode} builds links into Xero. */
public record XeroOrganisation(String name, String shortCode) {}
