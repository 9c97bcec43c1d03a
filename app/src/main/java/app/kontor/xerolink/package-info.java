/**
 * Links between Kontor contacts and Xero contacts, their history, and the {@code Xero Client} section
 * of the contact page. Until a practice connects to Xero the section says so.
 */
@NullMarked
package app.kontor.xerolink;

import org.jspecify.annotations.NullMarked;
