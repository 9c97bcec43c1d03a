/**
 * Keeps Kontor's contacts in step with the practice's Xero organisation: the initial import with
 * matching and match review, incremental sync, webhooks and reconciliation. Links themselves belong
 * to {@link app.kontor.xerolink}.
 */
@NullMarked
package app.kontor.xerosync;

import org.jspecify.annotations.NullMarked;
