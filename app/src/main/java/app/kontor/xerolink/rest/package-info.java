/** A contact's Xero link over REST: {@code /api/v1/contacts/{id}/xero}. */
@NullMarked
package app.kontor.xerolink.rest;

import org.jspecify.annotations.NullMarked;
