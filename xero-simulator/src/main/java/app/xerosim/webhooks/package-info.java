/** Xero's webhooks as the simulator sends them: intent to receive, signed event batches, retries. Internal. */
@NullMarked
package app.xerosim.webhooks;

import org.jspecify.annotations.NullMarked;
