package app.kontor.contacts;

import app.kontor.shared.ContactId;
import org.jspecify.annotations.Nullable;

/** What matching a contact against another system's needs: its name and billing email, nothing more. */
public record ContactMatchKey(
        ContactId id, String name, @Nullable String billingEmail, boolean archived) {}
