/** The Xero connection's REST API under {@code /api/v1/xero/connection}. */
@NullMarked
package app.kontor.xero.rest;

import org.jspecify.annotations.NullMarked;
