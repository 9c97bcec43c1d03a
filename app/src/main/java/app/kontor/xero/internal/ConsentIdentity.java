package app.kontor.xero.internal;

import java.util.UUID;

/**
 * What a validated token response says about a consent: which consent it was (the access token's
 * {@code authentication_event_id}) and who gave it (the id_token's subject).
 */
record ConsentIdentity(UUID authenticationEventId, String subject) {

    /** Request attribute carrying this from the token exchange to {@link ConsentCapture}. */
    static final String ATTRIBUTE = ConsentIdentity.class.getName();
}
