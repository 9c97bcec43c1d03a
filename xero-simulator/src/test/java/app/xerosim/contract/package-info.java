/** The Xero contract check: recorded exchanges validated against Xero's official OpenAPI files. */
@NullMarked
package app.xerosim.contract;

import org.jspecify.annotations.NullMarked;
