package app.kontor.contacts;

/** A contact changed (including archive and restore); both versions are given so listeners can compare. */
public record ContactUpdated(Contact before, Contact after) {}
