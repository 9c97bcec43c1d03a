package app.kontor.contacts;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;

/** A contact was added to a practice. */
public record ContactCreated(PracticeId practiceId, ContactId contactId) {}
