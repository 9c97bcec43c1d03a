/** Xero's Accounting API as far as Kontor uses it: Organisation and Contacts, with Xero's rules and quirks. Internal. */
@NullMarked
package app.xerosim.accounting;

import org.jspecify.annotations.NullMarked;
