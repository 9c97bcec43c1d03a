/** The Xero Client section's actions, answered with the section's new state for htmx to swap in. */
@NullMarked
package app.kontor.xerolink.web;

import org.jspecify.annotations.NullMarked;
