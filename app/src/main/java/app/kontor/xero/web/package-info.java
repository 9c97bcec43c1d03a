/** The Xero integration settings page. */
@NullMarked
package app.kontor.xero.web;

import org.jspecify.annotations.NullMarked;
