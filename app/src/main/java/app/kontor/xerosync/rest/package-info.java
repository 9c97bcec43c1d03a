/** The import, match review and Needs attention list over REST. */
@NullMarked
package app.kontor.xerosync.rest;

import org.jspecify.annotations.NullMarked;
