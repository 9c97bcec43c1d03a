/** What holds the application together: run modes, security chains, page layout, error pages and the OpenAPI document. */
@NullMarked
package app.kontor.system;

import org.jspecify.annotations.NullMarked;
