/**
 * Contacts: people and organisations with their emails, phones and addresses, searched, listed and
 * edited through the web UI and {@code /api/v1/contacts}. Knows nothing of Xero; other modules add
 * to the contact page through {@link app.kontor.contacts.ContactPageSection}.
 */
@NullMarked
package app.kontor.contacts;

import org.jspecify.annotations.NullMarked;
