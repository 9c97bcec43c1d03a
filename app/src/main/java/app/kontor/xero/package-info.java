/**
 * A practice's connection to its Xero organisation: the OAuth 2.0 consent, the encrypted,
 * practice-scoped token store with single-flight refresh, and the typed Xero client other modules
 * call through {@link app.kontor.xero.XeroConnections}.
 */
@NullMarked
package app.kontor.xero;

import org.jspecify.annotations.NullMarked;
