/** The embedded HTTP server: routing, request and response records, JSON and HTML helpers. Internal. */
@NullMarked
package app.xerosim.http;

import org.jspecify.annotations.NullMarked;
