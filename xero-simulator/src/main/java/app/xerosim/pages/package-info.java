/** The simulator's web pages: organisations, contact lists and contact pages at Xero's deep-link addresses. Internal. */
@NullMarked
package app.xerosim.pages;

import org.jspecify.annotations.NullMarked;
