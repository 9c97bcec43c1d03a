/** Token storage and encryption, the OAuth wiring and the HTTP client to Xero; private to the xero module. */
@NullMarked
package app.kontor.xero.internal;

import org.jspecify.annotations.NullMarked;
