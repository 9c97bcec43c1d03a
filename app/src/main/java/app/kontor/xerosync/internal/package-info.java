/** The sync's tables: what Kontor read of Xero's contacts, imports, match reviews, problems. */
@NullMarked
package app.kontor.xerosync.internal;

import org.jspecify.annotations.NullMarked;
