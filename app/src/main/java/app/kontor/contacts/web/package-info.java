/** The contact pages of the web UI. */
@NullMarked
package app.kontor.contacts.web;

import org.jspecify.annotations.NullMarked;
