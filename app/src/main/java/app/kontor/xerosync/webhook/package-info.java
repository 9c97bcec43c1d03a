/**
 * Xero's webhooks: the stateless receiver at {@code /webhooks/xero} (signature check, intent to
 * receive), the de-duplicated event store, and the job that hands changed contacts to
 * {@link app.kontor.xerosync.XeroContactChanges}. Private to the xerosync module.
 */
@NullMarked
package app.kontor.xerosync.webhook;

import org.jspecify.annotations.NullMarked;
