/** Storage of contacts; private to the contacts module. */
@NullMarked
package app.kontor.contacts.internal;

import org.jspecify.annotations.NullMarked;
