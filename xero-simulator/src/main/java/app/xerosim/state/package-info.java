/** The simulator's state: organisations, contacts, apps, grants, tokens, idempotency records, and their JSON file. Internal. */
@NullMarked
package app.xerosim.state;

import org.jspecify.annotations.NullMarked;
