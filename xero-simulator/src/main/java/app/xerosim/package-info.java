/** A local, contract-faithful Xero: identity, accounting contacts and webhooks, for demo mode and tests. */
@NullMarked
package app.xerosim;

import org.jspecify.annotations.NullMarked;
