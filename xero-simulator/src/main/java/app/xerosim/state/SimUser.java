package app.xerosim.state;

import java.util.UUID;

/** The one simulated Xero user: the person who clicks Allow on the consent page. */
public record SimUser(UUID xeroUserId, String subject, String email, String givenName, String familyName) {}
