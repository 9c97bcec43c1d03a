/** Web pages of the system module: sign-in, errors and problem-type documentation. */
@NullMarked
package app.kontor.system.web;

import org.jspecify.annotations.NullMarked;
