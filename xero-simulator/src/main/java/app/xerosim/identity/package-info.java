/** Xero's identity service as the simulator plays it: consent, tokens, revocation, keys and connections. Internal. */
@NullMarked
package app.xerosim.identity;

import org.jspecify.annotations.NullMarked;
