/** The contacts REST API under {@code /api/v1/contacts}. */
@NullMarked
package app.kontor.contacts.rest;

import org.jspecify.annotations.NullMarked;
